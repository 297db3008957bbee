/** Hand a file the app made to the browser as a download: the only way out of IndexedDB that the learner keeps. */

export interface SavedFile {
	name: string;
	type: string;
	/** Text the app wrote, or a file it built as a stream (a backup). */
	data: string | Blob;
}

export type SaveFile = (file: SavedFile) => void;

export const downloadFile: SaveFile = (file) => {
	const url = URL.createObjectURL(new Blob([file.data], { type: file.type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = file.name;
	document.body.append(link);
	link.click();
	link.remove();
	// Some browsers read the blob after click() returns; revoking at once would cancel the download there.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
