package eval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"newsgraph/loaders"
	"newsgraph/schema"
)

// ExtractGold reads the text of every article of a gold document from
// textsDir (DIR/FILE for each article's file base name) through the loaders
// and runs the extractor over them. An article whose text file is missing
// or unreadable is an error naming it.
func ExtractGold(ctx context.Context, gold *schema.Document, textsDir string, ex loaders.Extractor, workers int) ([]schema.Extraction, error) {
	var paths, missing []string
	for _, a := range gold.Articles {
		if a.File == "" {
			return nil, errors.New("gold article without a file name")
		}
		p := filepath.Join(textsDir, filepath.Base(a.File))
		st, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = append(missing, p)
			continue
		case err != nil:
			return nil, fmt.Errorf("gold article %s: %w", a.File, err)
		case st.IsDir():
			return nil, fmt.Errorf("gold article %s: %s is a directory", a.File, p)
		}
		paths = append(paths, p)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("no text file for %d gold articles: %s (give their directory with --texts)", len(missing), strings.Join(missing, ", "))
	}
	return extractFiles(ctx, paths, ex, workers)
}

// ArticleID is the id an article read from file gets (the base name
// without extension, as loaders gives .txt files); the same_entity check
// ingests predictions under it.
func ArticleID(file string) string {
	b := filepath.Base(file)
	return strings.TrimSuffix(b, filepath.Ext(b))
}
