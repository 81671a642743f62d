import type { SelectHTMLAttributes } from "react";

type TSelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  errors?: string[];
};

export function SelectField({ name, label, options, errors, id, className = "", ...props }: TSelectFieldProps) {
  const selectId = id ?? `field-${name}`;
  const errorId = errors?.length ? `${selectId}-error` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900"
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorId ? (
        <p id={errorId} className="text-sm text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
