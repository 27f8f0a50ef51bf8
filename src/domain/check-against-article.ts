import { IssueList, type Issue } from './issues';
import type { Atlas } from './types';

/**
 * Checks an atlas against the text of its article: the headline is in it, each paragraph's
 * opening starts its line, and every quotation and figure appears word for word in the paragraph
 * the fact cites. Needs the article's text, which the page does not have: tools and tests run it.
 */
export function checkAgainstArticle(
  atlas: Atlas,
  articleText: string,
  files: { article: string; facts: string },
): Issue[] {
  const articleIssues = new IssueList(files.article);
  const factIssues = new IssueList(files.facts);
  const lines = articleText.split(/\r?\n/);
  const { article } = atlas;
  if (!articleText.includes(article.headline)) {
    articleIssues.error('headline-not-in-article', 'headline', 'the headline is not in the article text');
  }
  const paragraphText = new Map<number, string>();
  article.paragraphs.forEach((p, i) => {
    const line = lines[p.line - 1];
    if (line === undefined || !line.startsWith(p.opening)) {
      articleIssues.error(
        'opening-mismatch',
        `paragraphs[${i}].opening`,
        `line ${p.line} of the article does not start with "${p.opening}"`,
      );
      return;
    }
    paragraphText.set(p.n, line);
  });
  atlas.facts.forEach((fact, i) => {
    const paragraph = paragraphText.get(fact.paragraph);
    if (fact.quote) {
      const quote = fact.quote.text;
      if (!articleText.includes(quote)) {
        factIssues.error(
          'quote-not-in-article',
          `facts[${i}].quote.text`,
          `"${quote}" is not in the article word for word`,
        );
      } else if (paragraph !== undefined && !paragraph.includes(quote)) {
        factIssues.error(
          'quote-not-in-paragraph',
          `facts[${i}].quote.text`,
          `"${quote}" is in the article but not in paragraph ${fact.paragraph}`,
        );
      }
    }
    fact.figures?.forEach((figure, j) => {
      if (paragraph !== undefined && !containsFigure(paragraph, figure.text)) {
        factIssues.error(
          'figure-not-in-paragraph',
          `facts[${i}].figures[${j}].text`,
          `"${figure.text}" is not in paragraph ${fact.paragraph}`,
        );
      }
    });
  });
  return [...articleIssues.items, ...factIssues.items];
}

/** Whether `text` holds `figure` as a whole word or number, not inside a longer one ("1,20" in "1,200"). */
function containsFigure(text: string, figure: string): boolean {
  const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.,])${escaped}(?!\\w|[.,]\\d)`, 'u').test(text);
}
