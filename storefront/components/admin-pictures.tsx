// The product form's pictures: up to 9, the first the cover. Taken with the phone's camera or picked
// from the phone or the computer, shrunk in the browser, uploaded one by one (POST
// /api/admin/pictures), and put in order by dragging, or by the arrow buttons on a touch screen or
// a keyboard. Part of the AdminProductForm island, which saves the list as the product's `images`.
import { useEffect, useState } from "preact/hooks";
import { MAX_PICTURES } from "../../core/rules/product-pictures";
import { api, send } from "../api-client";
import { ta } from "../i18n";
import { shrinkPicture } from "../shrink-picture";
import { fieldId } from "./admin-field";

export type AdminPicturesProps = {
  images: string[];
  setImages: (update: (images: string[]) => string[]) => void;
  /** Told how many uploads are under way: the form waits for them before it saves. */
  onUploading: (count: number) => void;
  /** Pictures shipped with the store, offered beside the uploads. */
  storePictures: string[];
  error?: string;
};

type Failure = { name: string; message: string };
type Upload = { id: number; name: string };

let nextUpload = 0;

const t = () => ta.products.pictures;

/** Moves the picture at `from` to `to`; the one at 0 is the cover. */
const moved = (images: string[], from: number, to: number) => {
  const next = images.filter((_, i) => i !== from);
  next.splice(to, 0, images[from]!);
  return next;
};

export function AdminPictures(props: AdminPicturesProps) {
  const { images, setImages } = props;
  const [uploading, setUploading] = useState<Upload[]>([]);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [dragged, setDragged] = useState<number | null>(null);
  const room = MAX_PICTURES - images.length - uploading.length;
  const { onUploading } = props;
  useEffect(() => onUploading(uploading.length), [onUploading, uploading.length]);

  async function upload(file: File) {
    const id = nextUpload++;
    setUploading((list) => [...list, { id, name: file.name }]);
    const res = await send(api.admin.pictures.$post({ form: { file: await shrinkPicture(file) } }));
    setUploading((list) => list.filter((u) => u.id !== id));
    // the stored path, not the absolute URL: the product keeps working if the store moves
    if (res.ok) return setImages((list) => [...list, new URL(res.body.picture.url).pathname].slice(0, MAX_PICTURES));
    const message = (t().refused[res.code] ?? t().failed)(file.name);
    setFailures((list) => [...list, { name: file.name, message }]);
  }

  function choose(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    input.value = "";
    setFailures([]);
    const taken = files.slice(0, Math.max(0, room));
    if (files.length > taken.length) setFailures([{ name: "", message: t().tooMany(MAX_PICTURES) }]);
    for (const file of taken) void upload(file);
  }

  const id = fieldId("images");
  return (
    <div class="a-pictures">
      <ol class="a-pic-list" aria-label={t().order}>
        {images.map((src, i) => (
          <li
            key={src}
            draggable
            class={dragged === i ? "dragging" : undefined}
            onDragStart={() => setDragged(i)}
            onDragEnd={() => setDragged(null)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragged !== null && dragged !== i) setImages((list) => moved(list, dragged, i));
              setDragged(null);
            }}
          >
            <img src={src} alt={t().pictureN(i + 1)} width={88} height={88} />
            {i === 0 && <span class="a-cover">{t().cover}</span>}
            <div class="a-pic-acts">
              <button
                type="button"
                class="btn btn-line btn-sm"
                disabled={i === 0}
                aria-label={t().earlier(i + 1)}
                onClick={() => setImages((list) => moved(list, i, i - 1))}
              >
                ←
              </button>
              <button
                type="button"
                class="btn btn-line btn-sm"
                disabled={i === images.length - 1}
                aria-label={t().later(i + 1)}
                onClick={() => setImages((list) => moved(list, i, i + 1))}
              >
                →
              </button>
              <button
                type="button"
                class="btn btn-line btn-sm"
                aria-label={t().remove(i + 1)}
                onClick={() => setImages((list) => list.filter((_, k) => k !== i))}
              >
                ×
              </button>
            </div>
          </li>
        ))}
        {uploading.map((u) => (
          <li key={`upload-${u.id}`} class="a-pic-busy" role="status">
            {t().uploading(u.name)}
          </li>
        ))}
      </ol>
      {room > 0 && (
        <div class="a-pic-add">
          {/* camera first on a phone; the other input picks from the album or the computer's files */}
          <label class="btn btn-line">
            {t().take}
            <input
              class="vh"
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(e) => choose(e.currentTarget)}
            />
          </label>
          <label class="btn btn-line">
            {t().pick}
            <input id={id} class="vh" type="file" accept="image/*" multiple onChange={(e) => choose(e.currentTarget)} />
          </label>
        </div>
      )}
      {failures.map((f) => (
        <p class="err" role="alert">
          {f.message}
        </p>
      ))}
      {props.error && (
        <p class="err" role="alert">
          {props.error}
        </p>
      )}
      {room > 0 && props.storePictures.length > 0 && (
        <details class="a-store-pics">
          <summary>{ta.products.pickImage}</summary>
          <div class="a-pics">
            {props.storePictures.map((src) => (
              <button
                type="button"
                title={src}
                disabled={images.includes(src)}
                onClick={() => setImages((list) => [...list, src].slice(0, MAX_PICTURES))}
              >
                <img src={src} alt="" loading="lazy" width={36} height={36} />
              </button>
            ))}
          </div>
        </details>
      )}
    </div>
  );
}
