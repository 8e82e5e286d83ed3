/** Marks a value as the user's correction; the posting's own reading stays shown beside it. */
export function CorrectionMark() {
  return (
    <span class="jl-badge jl-badge-mine" title="You corrected this value; the posting's own reading is kept">
      your correction
    </span>
  );
}
