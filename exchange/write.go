package exchange

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"parley/model"
	"parley/store"
)

// Writer writes a notebook as the JSON document, one record at a time as
// store.Walk hands them (it is a store.NotebookVisitor), so memory stays flat
// however large the notebook. Call Close after the last record.
//
// The output is deterministic — the same notebook gives the same bytes —
// and safe to print: characters that could hide or disguise text on a
// terminal (controls, bidi overrides, zero-width characters) are written
// as \uXXXX escapes, which mean the same characters when read back.
type Writer struct {
	w       *bufio.Writer
	section int // the array being written: one of the sections, or -1
	count   int // records written in it
	headed  bool
	scratch bytes.Buffer
	indent  bytes.Buffer
	err     error
}

// The arrays of the document, in the order they are written.
var sections = []string{"contacts", "interviews", "timeline"}

// NewWriter starts a document on w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64<<10), section: -1}
}

// Settings writes the header and the settings part.
func (w *Writer) Settings(st store.NotebookSettings) error {
	if w.headed {
		return w.fail(fmt.Errorf("the settings are written once"))
	}
	w.headed = true
	doc := struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
		Settings
	}{Format: Format, Version: Version, Settings: Settings{
		Profile: st.Profile, FollowUpRules: st.DueRules, QuestionBank: st.Bank, Templates: []Template{}}}
	for _, t := range st.Templates {
		doc.Templates = append(doc.Templates, templateOf(t))
	}
	if err := w.encode(doc, ""); err != nil {
		return err
	}
	// Reopen the object the settings closed, for the arrays that follow.
	w.scratch.Truncate(bytes.LastIndexByte(w.scratch.Bytes(), '}'))
	w.scratch.Truncate(len(bytes.TrimRight(w.scratch.Bytes(), "\n")))
	return w.flush()
}

// Contact writes one contact.
func (w *Writer) Contact(c model.Contact) error { return w.record(0, c) }

// Interview writes one interview, its checklist and notes included.
func (w *Writer) Interview(iv model.Interview) error { return w.record(1, interviewOf(iv)) }

// Interaction writes one timeline entry.
func (w *Writer) Interaction(it model.Interaction) error { return w.record(2, it) }

// Close ends the document, writing the arrays no record was handed for.
func (w *Writer) Close() error {
	if err := w.open(len(sections)); err != nil {
		return err
	}
	if _, err := w.w.WriteString("\n}\n"); err != nil {
		return w.fail(err)
	}
	return w.fail(w.w.Flush())
}

// open moves on to section s, closing the arrays before it.
func (w *Writer) open(s int) error {
	if w.err != nil {
		return w.err
	}
	if !w.headed {
		return w.fail(fmt.Errorf("the settings come before the records"))
	}
	for w.section < s {
		if w.section >= 0 {
			if w.count > 0 {
				w.w.WriteString("\n  ")
			}
			w.w.WriteString("]")
		}
		w.section++
		w.count = 0
		if w.section < len(sections) {
			fmt.Fprintf(w.w, ",\n  %q: [", sections[w.section])
		}
	}
	return nil
}

func (w *Writer) record(s int, v any) error {
	if s < w.section {
		return w.fail(fmt.Errorf("%s come before %s", sections[s], sections[w.section]))
	}
	if err := w.open(s); err != nil {
		return err
	}
	if w.count > 0 {
		w.w.WriteByte(',')
	}
	w.w.WriteString("\n    ")
	w.count++
	if err := w.encode(v, "    "); err != nil {
		return err
	}
	return w.flush()
}

// encode writes v as indented JSON into scratch, escaped.
func (w *Writer) encode(v any, prefix string) error {
	w.indent.Reset()
	enc := json.NewEncoder(&w.indent)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return w.fail(fmt.Errorf("write export: %w", err))
	}
	w.scratch.Reset()
	w.scratch.Write(escapeInvisible(bytes.TrimRight(w.indent.Bytes(), "\n")))
	return nil
}

func (w *Writer) flush() error {
	if _, err := w.w.Write(w.scratch.Bytes()); err != nil {
		return w.fail(err)
	}
	return nil
}

func (w *Writer) fail(err error) error {
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("write export: %w", err)
	}
	return w.err
}

// escapeInvisible rewrites, in JSON that encoding/json wrote, DEL and every
// non-ASCII control or format character (C1 controls, bidi controls,
// zero-width characters, line and paragraph separators) as a \uXXXX escape.
// Outside strings such JSON is all ASCII, so every one is inside a string,
// where the escape means the same character.
func escapeInvisible(doc []byte) []byte {
	out := make([]byte, 0, len(doc))
	for i := 0; i < len(doc); {
		if doc[i] == 0x7f { // DEL, the one ASCII control encoding/json leaves raw
			out = append(out, `\u007f`...)
			i++
			continue
		}
		if doc[i] < utf8.RuneSelf {
			out = append(out, doc[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(doc[i:])
		if !invisible(r) {
			out = append(out, doc[i:i+size]...)
		} else if r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
		} else {
			out = fmt.Appendf(out, `\u%04x`, r)
		}
		i += size
	}
	return out
}

// invisible reports whether r is a character a terminal would act on or
// not show: a control (Cc), a format character (Cf, which holds the bidi
// controls and zero-width characters), or a line or paragraph separator.
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp)
}
