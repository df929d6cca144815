/** localStorage that never throws (private mode, quota, corrupt JSON). */
export function readStored(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Preferences are a convenience; losing one is fine.
  }
}

const lastWorkspaceKey = "quarry:last-workspace";

export function readLastWorkspace(): string | null {
  const value = readStored(lastWorkspaceKey);
  return typeof value === "string" ? value : null;
}

export function writeLastWorkspace(id: string): void {
  writeStored(lastWorkspaceKey, id);
}
