/** The general error of a form or page, announced to screen readers. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  return (
    <div role="alert" className={message ? "form-alert" : "form-alert-empty"}>
      {message}
    </div>
  );
}
