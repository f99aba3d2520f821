import { useShellText } from './app.i18n.js';

/** A surface that another part of the web client fills in. */
export function Placeholder() {
  const text = useShellText();
  return <p className="empty-state">{text.placeholder}</p>;
}
