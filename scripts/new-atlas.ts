// npm run new-atlas -- --text FILE --id ID --published YYYY-MM-DD [--outlet NAME] [--agency NAME] [--force]
// Drafts an atlas from an article's text: its paragraphs, quotations, figures, dates and the places
// it names (in the offline gazetteer), each marked for review; see README "Make an atlas".
import { runNewAtlas } from './new-atlas/run';
import { DRAFT_STEPS } from './new-atlas/steps';

process.exit(await runNewAtlas(process.argv.slice(2), DRAFT_STEPS));
