package loaders

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Format is one input format: how to recognise it and how to read it.
type Format struct {
	Name string
	Exts []string // lower-case extensions with the dot
	MIME string
	// Sniff reports whether content (its first bytes, decoded as text)
	// looks like this format.
	Sniff func(head []byte) bool
	// Read parses a whole input into articles. path names the input in
	// messages and ids; data is the raw content. It returns the articles
	// it could read and, for the parts it could not, an *InputError or
	// InputErrors.
	Read func(path string, data []byte) ([]*Article, error)
}

// Formats is the registry of input formats, tried in order when sniffing.
// Plain text is last: it takes whatever the others do not.
var Formats = []*Format{
	{Name: "jsonl", Exts: []string{".jsonl", ".ndjson"}, MIME: "application/x-ndjson", Read: readJSONLines},
	{Name: "json", Exts: []string{".json"}, MIME: "application/json", Sniff: sniffJSON, Read: readJSON},
	{Name: "feed", Exts: []string{".rss", ".atom", ".xml"}, MIME: "application/rss+xml", Sniff: sniffFeed, Read: readFeed},
	{Name: "html", Exts: []string{".html", ".htm", ".xhtml"}, MIME: "text/html", Sniff: sniffHTML, Read: readHTML},
	{Name: "text", Exts: []string{".txt", ".text", ".md"}, MIME: "text/plain", Sniff: func([]byte) bool { return true }, Read: readText},
}

// FormatFor picks the format of an input by its extension, else by
// sniffing its first bytes.
func FormatFor(path string, head []byte) *Format {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != "" {
		for _, f := range Formats {
			for _, e := range f.Exts {
				if e == ext {
					return f
				}
			}
		}
	}
	head = skipBOM(head)
	for _, f := range Formats {
		if f.Sniff != nil && f.Sniff(head) {
			return f
		}
	}
	return Formats[len(Formats)-1]
}

func skipBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
}

// FileID is the id of the article that is a whole file: the file's base
// name without extension, so that an edited file replaces its earlier
// version. A name that does not tell articles apart by itself (only a
// number, as in BBC News's business/001.txt and sport/001.txt, or a
// generic "index" or "article-2") gets its directory's name in front:
// "business/001".
func FileID(path string) string {
	base := filepath.Base(path)
	id := strings.TrimSuffix(base, filepath.Ext(base))
	stem := strings.ToLower(strings.TrimRight(id, "0123456789-_. "))
	if stem != "" && !genericNames[stem] {
		return id
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	dir := filepath.Base(filepath.Dir(abs))
	if dir == "." || dir == string(filepath.Separator) || dir == "" {
		return id
	}
	return dir + "/" + id
}

// genericNames are file names (without number and extension) that many
// unrelated articles share.
var genericNames = map[string]bool{
	"index": true, "default": true, "article": true, "story": true, "page": true, "post": true, "item": true,
	"entry": true, "news": true, "text": true, "content": true, "main": true, "body": true, "document": true,
	"doc": true, "untitled": true, "file": true, "feed": true, "rss": true, "atom": true, "data": true,
}

// maxFileSize bounds what one input may hold.
const maxFileSize = 256 << 20

// Input is one named blob of content to read articles from.
type Input struct {
	Path string
	Open func() (io.ReadCloser, error)
}

// ExpandPaths turns the command-line arguments into inputs: files as they
// are, directories walked recursively (hidden entries and files that are
// not articles skipped, files in lexical order), globs expanded (hidden
// matches skipped unless the pattern asks for them), and "-" as standard
// input. An argument that names nothing, a pattern that matches nothing
// and a directory without article files are reported through bad and
// skipped.
func ExpandPaths(args []string, stdin io.Reader, bad func(error)) []Input {
	var out []Input
	addFile := func(p string) {
		out = append(out, Input{Path: p, Open: func() (io.ReadCloser, error) { return os.Open(p) }})
	}
	for _, arg := range args {
		if arg == "-" {
			out = append(out, Input{Path: "-", Open: func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil }})
			continue
		}
		matches := []string{arg}
		if strings.ContainsAny(arg, "*?[") {
			m, err := filepath.Glob(arg)
			if err != nil {
				bad(inputErr(arg, "bad pattern: %v", err))
				continue
			}
			hiddenOK := strings.HasPrefix(filepath.Base(arg), ".")
			matches = matches[:0]
			for _, p := range m {
				if hiddenOK || !strings.HasPrefix(filepath.Base(p), ".") {
					matches = append(matches, p)
				}
			}
			if len(matches) == 0 {
				bad(inputErr(arg, "no files match"))
				continue
			}
			sort.Strings(matches)
		}
		for _, p := range matches {
			st, err := os.Stat(p)
			if err != nil {
				bad(&InputError{Path: p, Reason: describeOpenError(err), Err: err})
				continue
			}
			if !st.IsDir() {
				addFile(p)
				continue
			}
			before := len(out)
			err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
				if err != nil {
					bad(&InputError{Path: q, Reason: describeOpenError(err), Err: err})
					if d != nil && d.IsDir() && q != p {
						return filepath.SkipDir
					}
					return nil
				}
				if q != p && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.Type().IsRegular() && !skippedFile(d.Name()) {
					addFile(q)
				}
				return nil
			})
			if err != nil {
				bad(&InputError{Path: p, Reason: describeOpenError(err), Err: err})
			} else if len(out) == before {
				bad(inputErr(p, "no article files in directory"))
			}
		}
	}
	return out
}

// skippedFile tells which files in a directory walk are not articles:
// documentation, annotations, tables, media, archives, code.
func skippedFile(name string) bool {
	lower := strings.ToLower(name)
	base := strings.TrimSuffix(lower, filepath.Ext(lower))
	switch base {
	case "readme", "license", "licence", "copying", "changelog", "notice", "authors":
		return true
	}
	switch filepath.Ext(lower) {
	case ".ann", ".tsv", ".csv", ".conll", ".gz", ".bz2", ".xz", ".zst", ".zip", ".tar", ".7z",
		".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".pdf", ".mp3", ".mp4", ".wav",
		".db", ".bolt", ".sqlite", ".go", ".py", ".js", ".css", ".sh", ".mod", ".sum", ".lock",
		".exe", ".so", ".dll", ".o", ".a", ".class", ".jar", ".woff", ".woff2", ".ttf":
		return true
	}
	return false
}

// describeOpenError says in plain words why a file could not be opened
// or read, without Go's "open PATH:" prefixes.
func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := err.Error()
	if strings.Contains(msg, "is a directory") {
		return "is a directory"
	}
	return "cannot read: " + msg
}

// ReadInput reads every article of one input. It returns the articles it
// could read and, when something was wrong, an *InputError or, for
// several problems (bad lines of a JSON Lines file), InputErrors; use
// SplitErrors to report them one by one.
func ReadInput(in Input) ([]*Article, error) {
	rc, err := in.Open()
	if err != nil {
		return nil, &InputError{Path: in.Path, Reason: describeOpenError(err), Err: err}
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxFileSize+1))
	if err != nil {
		return nil, &InputError{Path: in.Path, Reason: describeOpenError(err), Err: err}
	}
	return ReadData(in.Path, data)
}

// ReadData reads the articles of content already in memory; path names it
// in messages and chooses its format by extension.
func ReadData(path string, data []byte) ([]*Article, error) {
	if len(data) > maxFileSize {
		return nil, inputErr(path, "file is larger than %d MiB", maxFileSize>>20)
	}
	if len(bytes.TrimSpace(skipBOM(data))) == 0 {
		return nil, inputErr(path, "empty file")
	}
	if isBinary(data) {
		return nil, inputErr(path, "binary file, not text")
	}
	f := FormatFor(path, data[:min(len(data), 1024)])
	arts, err := f.Read(path, data)
	if err != nil {
		var ie *InputError
		var ies InputErrors
		if !errors.As(err, &ie) && !errors.As(err, &ies) {
			err = &InputError{Path: path, Reason: fmt.Sprintf("%s: %v", f.Name, err), Err: err}
		}
		return arts, err
	}
	if len(arts) == 0 {
		return nil, inputErr(path, "no articles in %s input", f.Name)
	}
	return arts, nil
}
