export interface UploadResult {
  status: number;
  body: unknown;
}

/**
 * POSTs a form with XMLHttpRequest because fetch() reports no upload progress.
 * `onProgress` gets 0..1 while bytes go up, then `null` while the server processes them.
 */
export function postFormWithProgress(
  url: string,
  form: FormData,
  onProgress: (fraction: number | null) => void,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(null);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("The network failed while sending the article. Check your connection and try again."));
    xhr.send(form);
  });
}

export function errorMessageOf(body: unknown, fallback: string): string {
  if (body && typeof body === "object" && "error" in body && typeof body.error === "string") return body.error;
  return fallback;
}
