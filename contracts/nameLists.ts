// Lists of role and group names as a diagram writes them (`<sparrow:starters names="…">`): the compiler, the
// modeler's 发起权限 entry and the version diff split them alike.

/** The names `text` lists, apart by commas (also the Chinese comma and 、) or white space, in order, without empties. */
export const splitNames = (text: string): string[] => text.split(/[,，、\s]+/).filter(Boolean);
