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
	// Sniff reports whether content (its first bytes) looks like this format.
	Sniff func(head []byte) bool
	// Read parses a whole file into articles. path names the input in
	// messages and ids; data is the raw content.
	Read func(path string, data []byte) ([]*Article, error)
}

// Formats is the registry of input formats, tried in order when sniffing.
// Plain text is last: it takes whatever the others do not.
var Formats = []*Format{
	// JSON, HTML and feeds are registered by their own files' init.
}

var textFormat = &Format{Name: "text", Exts: []string{".txt", ".text", ".md"}, Read: readText}

func register(f *Format) { Formats = append(Formats, f) }

// FormatFor picks the format of a file by its extension, else by sniffing.
func FormatFor(path string, head []byte) *Format {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range Formats {
		for _, e := range f.Exts {
			if e == ext {
				return f
			}
		}
	}
	for _, e := range textFormat.Exts {
		if e == ext {
			return textFormat
		}
	}
	for _, f := range Formats {
		if f.Sniff != nil && f.Sniff(head) {
			return f
		}
	}
	return textFormat
}

// maxFileSize bounds what one input file may hold.
const maxFileSize = 256 << 20

// Input is one named blob of content to read articles from.
type Input struct {
	Path string
	Open func() (io.ReadCloser, error)
}

// ExpandPaths turns the command-line arguments into inputs: files as they
// are, directories walked recursively (hidden entries skipped, files in
// lexical order), globs expanded, and "-" as standard input. An argument
// that names nothing is reported through bad and skipped.
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
			if len(m) == 0 {
				bad(inputErr(arg, "no files match"))
				continue
			}
			sort.Strings(m)
			matches = m
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
			err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
				if err != nil {
					bad(&InputError{Path: q, Reason: describeOpenError(err), Err: err})
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
				bad(inputErr(p, "%v", err))
			}
		}
	}
	return out
}

// skippedFile tells which files in a directory walk are not articles.
func skippedFile(name string) bool {
	lower := strings.ToLower(name)
	switch lower {
	case "readme", "readme.txt", "readme.md", "license", "license.txt", "license.md":
		return true
	}
	switch strings.ToLower(filepath.Ext(lower)) {
	case ".ann", ".xml.gz", ".gz", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".pdf", ".db", ".bolt", ".go", ".tsv", ".csv":
		return true
	}
	return false
}

func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ReadInput reads every article of one input.
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
	if len(data) > maxFileSize {
		return nil, inputErr(in.Path, "file is larger than %d MiB", maxFileSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, inputErr(in.Path, "empty file")
	}
	if isBinary(data) {
		return nil, inputErr(in.Path, "binary file, not text")
	}
	f := FormatFor(in.Path, data[:min(len(data), 512)])
	arts, err := f.Read(in.Path, data)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return arts, err
		}
		return arts, &InputError{Path: in.Path, Reason: fmt.Sprintf("%s: %v", f.Name, err), Err: err}
	}
	return arts, nil
}

// isBinary reports content with NUL bytes or mostly control characters in
// its first kilobytes.
func isBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*10 > len(head)
}
