"use client";

/** Last resort when the root layout itself fails: no providers, so plain bilingual text. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="es">
      <body style={{ fontFamily: "Arial, sans-serif", padding: "2rem" }}>
        <h1>Algo ha fallado · Something went wrong</h1>
        <p>Vuelve a intentarlo · Please try again.</p>
        <button type="button" onClick={reset}>
          Reintentar · Try again
        </button>
      </body>
    </html>
  );
}
