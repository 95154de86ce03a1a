package loaders

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"

	"newsgraph/schema"
)

// wordCounter is an Extractor that records the article's word count in
// the record's Source, so tests can see it ran on the right article.
type wordCounter struct{ calls atomic.Int64 }

func (w *wordCounter) Extract(a *Article) schema.Extraction {
	w.calls.Add(1)
	return schema.Extraction{Source: fmt.Sprint(a.Words())}
}

func memInput(path, data string) Input {
	return Input{Path: path, Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader([]byte(data))), nil }}
}

func TestRunOrderAndErrors(t *testing.T) {
	var inputs []Input
	var want []string
	for i := 0; i < 40; i++ {
		switch i % 4 {
		case 0:
			inputs = append(inputs, memInput(fmt.Sprintf("t%02d.txt", i), fmt.Sprintf("Headline %d\n\n%s", i, strings.Repeat("word ", i+1))))
			want = append(want, fmt.Sprintf("%d t%02d.txt t%02d %d", i, i, i, i+1))
		case 1:
			// Three good lines and two bad ones: the articles, then one
			// result per bad line.
			inputs = append(inputs, memInput(fmt.Sprintf("l%02d.jsonl", i),
				`{"id": "x`+fmt.Sprint(i)+`", "text": "one two"}`+"\n{bad\n"+`{"id": "y`+fmt.Sprint(i)+`", "text": "three"}`+"\n[]\n"))
			want = append(want,
				fmt.Sprintf("%d l%02d.jsonl:1 x%d 2", i, i, i),
				fmt.Sprintf("%d l%02d.jsonl:3 y%d 1", i, i, i),
				fmt.Sprintf("%d error l%02d.jsonl:2: invalid JSON: invalid character 'b' looking for beginning of object key string (column 2)", i, i),
				fmt.Sprintf("%d error l%02d.jsonl:4: not a JSON object", i, i))
		case 2:
			inputs = append(inputs, memInput(fmt.Sprintf("e%02d.txt", i), ""))
			want = append(want, fmt.Sprintf("%d error e%02d.txt: empty file", i, i))
		case 3:
			inputs = append(inputs, memInput(fmt.Sprintf("s%02d.json", i), `{"text": "a b c"}`))
			want = append(want, fmt.Sprintf("%d s%02d.json s%02d 3", i, i, i))
		}
	}
	for _, workers := range []int{1, 3, 0} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var got []string
			ex := &wordCounter{}
			err := Run(context.Background(), inputs, ex, Options{Workers: workers}, func(r Result) error {
				if r.Err != nil {
					var ie *InputError
					if !errors.As(r.Err, &ie) {
						t.Errorf("result error %v is not an *InputError", r.Err)
					}
					got = append(got, fmt.Sprintf("%d error %v", r.Input, r.Err))
					return nil
				}
				if r.Extraction.ID != r.Article.ID {
					t.Errorf("extraction id %q for article %q", r.Extraction.ID, r.Article.ID)
				}
				got = append(got, fmt.Sprintf("%d %s %s %s", r.Input, r.Article.Path, r.Article.ID, r.Extraction.Source))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestRunStops(t *testing.T) {
	var inputs []Input
	for i := 0; i < 200; i++ {
		inputs = append(inputs, memInput(fmt.Sprintf("%d.txt", i), "Some words here."))
	}
	stop := errors.New("stop")
	n := 0
	err := Run(context.Background(), inputs, &wordCounter{}, Options{Workers: 4}, func(r Result) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("Run returned %v after %d results, want stop after 5", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Run(ctx, inputs, &wordCounter{}, Options{Workers: 4}, func(r Result) error {
		n++
		if n == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n >= len(inputs) {
		t.Errorf("Run returned %v after %d results, want context.Canceled before the end", err, n)
	}
}
