import { Link } from "react-router";
import { useMe, useSignOut } from "../../features/auth/hooks/use-session.ts";
import { useDisclosure } from "../lib/use-disclosure.ts";

export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  const { open, setOpen, menuId, root, button } = useDisclosure();
  const user = me.data?.user;

  if (!user) return null;
  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="avatar-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Account menu for ${user.name}`}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {user.name.charAt(0).toUpperCase()}
        </span>
      </button>
      {open ? (
        <div className="popover user-popover" id={menuId}>
          <p className="popover-user">
            <strong>{user.name}</strong>
            <span className="muted small">{user.email}</span>
          </p>
          <Link to="/account" className="popover-item" onClick={() => setOpen(false)}>
            Account & sessions
          </Link>
          <button
            type="button"
            className="popover-item"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate({})}
          >
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
