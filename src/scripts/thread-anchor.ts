/**
 * The thread's records used to have their anchors on the sources page (/<lang>/sources/#source-c2);
 * they now live on the thread page. A link from before still arrives at its comment.
 */
if (location.hash.startsWith('#source-')) location.replace(`thread/${location.hash}`);
