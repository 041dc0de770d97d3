import type { Quote } from "../engine/explain";
import { formatDate } from "./texts";

/** A passage of the source, exactly as written, with its attribution. */
export function QuoteBlock({ quote }: { quote: Quote }) {
  const { title, author, date, url } = quote.source;
  return (
    <figure className="cf-quote">
      <blockquote cite={url}>
        <p>{quote.quote}</p>
      </blockquote>
      <figcaption>
        {author}, <cite>{url ? <a href={url}>{title}</a> : title}</cite>, {formatDate(date)}
      </figcaption>
    </figure>
  );
}
