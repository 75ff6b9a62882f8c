// A price in 元 with the list price struck through when a lower one applies.
import { formatCny } from "../format";

export function Price(props: { cents: number; wasCents?: number; big?: boolean }) {
  return (
    <span>
      <span class={props.big ? "price big-price" : "price"}>{formatCny(props.cents)}</span>
      {props.wasCents !== undefined && props.wasCents > props.cents && (
        <span class="was">{formatCny(props.wasCents)}</span>
      )}
    </span>
  );
}
