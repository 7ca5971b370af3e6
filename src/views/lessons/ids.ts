/**
 * DOM id of the lesson caption, which takes the focus after a lesson is chosen. Its own
 * module: the Lesson picker loads with the page, the notes in a later chunk.
 */
export const CAPTION_ID = 'lesson-caption';
