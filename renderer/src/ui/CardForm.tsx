import type { ReactNode } from 'react';

/** The form of a card dialog: Enter in a field and Ctrl+S both save. */
export function CardForm({ id, onSave, children }: { id: string; onSave: () => void; children: ReactNode }) {
  return (
    <form
      id={id}
      className="card-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          onSave();
        }
      }}
    >
      {children}
    </form>
  );
}
