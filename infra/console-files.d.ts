/** The Content-Type of a console file by its name; a file of an unknown kind is offered as bytes. */
export function consoleContentType(path: string): string;
/** The Cache-Control of a console file by its path from the console's root (/assets/…: a year; else no-cache). */
export function consoleCacheControl(path: string): string;
