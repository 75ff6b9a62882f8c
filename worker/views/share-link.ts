// Where a share link and its poster live, on the origin the store answers at.

export const shareUrl = (origin: string, code: string) => `${origin}/s/${code}`;

export const posterPath = (code: string) => `/s/${code}/poster.png`;
