/** How the customer was contacted (R-F2): email or phone, email first. */
export function ContactChannelChoice({ className = "flex gap-4" }: { className?: string }) {
  return (
    <fieldset className={className}>
      <legend className="text-sm font-semibold text-slate-800">Contacted by</legend>
      {(["email", "phone"] as const).map((channel) => (
        <label key={channel} className="flex items-center gap-1">
          <input type="radio" name="channel" value={channel} defaultChecked={channel === "email"} />
          {channel === "email" ? "Email" : "Phone"}
        </label>
      ))}
    </fieldset>
  );
}
