import { createServer } from "node:net";

export interface SmtpSink {
  port: number;
  /** Raw DATA of every message received, in order (recorded before the server answers). */
  messages: string[];
  /** Delay before accepting a message, in ms: makes a delivery job slow on purpose. */
  delayMs: number;
  close(): Promise<void>;
}

/** A minimal SMTP server on 127.0.0.1 that accepts every message: a real transport for tests. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    socket.write("220 sink ESMTP\r\n");
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          sink.messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          setTimeout(() => socket.write("250 queued\r\n"), sink.delayMs);
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const command = buffer.slice(0, eol).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (command.startsWith("DATA")) {
          inData = true;
          socket.write("354 go on\r\n");
        } else if (command.startsWith("QUIT")) socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  const sink: SmtpSink = {
    port: 0,
    messages: [],
    delayMs: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("SMTP sink has no port");
  sink.port = address.port;
  return sink;
}
