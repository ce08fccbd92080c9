package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// ExportFormat names the JSON document that Export writes.
const ExportFormat = "parley-notebook"

// Notebook is the whole notebook as one document: what `parley export`
// writes, and what an import reads back. Records are in ID order, so the
// same notebook always exports to the same bytes.
type Notebook struct {
	Format     string            `json:"format"`
	Schema     int               `json:"schema"`
	Contacts   []model.Contact   `json:"contacts"`
	Interviews []model.Interview `json:"interviews"`
	// Interactions are every contact's timeline entries, in ID order.
	Interactions []model.Interaction `json:"interactions"`
}

// Snapshot reads the whole notebook in one transaction, every note and
// message included; the first screen wants Overview.
func (s *Store) Snapshot() (Notebook, error) {
	nb := Notebook{
		Format:       ExportFormat,
		Schema:       SchemaVersion(),
		Contacts:     []model.Contact{},
		Interviews:   []model.Interview{},
		Interactions: []model.Interaction{},
	}
	err := guard(func() error {
		return s.db.View(func(tx *bolt.Tx) error {
			err := forEach(tx.Bucket(bucketContacts), func(c model.Contact) error {
				nb.Contacts = append(nb.Contacts, c)
				return nil
			})
			if err != nil {
				return err
			}
			err = forEach(tx.Bucket(bucketInterviews), func(h interviewHeader) error {
				iv, err := whole(tx, h, true)
				if err != nil {
					return err
				}
				nb.Interviews = append(nb.Interviews, iv)
				return nil
			})
			if err != nil {
				return err
			}
			err = forEach(tx.Bucket(bucketInteractions), func(it model.Interaction) error {
				nb.Interactions = append(nb.Interactions, it)
				return nil
			})
			if err != nil {
				return err
			}
			return withTexts(tx, nb.Interactions)
		})
	})
	if err != nil {
		return nb, fmt.Errorf("read notebook: %w", err)
	}
	return nb, nil
}

// Export writes the whole notebook to w as indented JSON. Characters that
// could hide or disguise text on a terminal (controls, bidi overrides,
// zero-width characters) are written as \uXXXX escapes, so the document
// is safe to print, means the same when read back, and stays the same bytes
// for the same notebook.
func (s *Store) Export(w io.Writer) error {
	nb, err := s.Snapshot()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(nb); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	if _, err := w.Write(escapeInvisible(buf.Bytes())); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	return nil
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

// Verify reads every record in the notebook and reports the first one that
// is damaged, naming it. It writes nothing; a command that writes without
// reading the rest (parley add) runs it first, so it never builds on a
// damaged notebook.
func (s *Store) Verify() error {
	err := guard(func() error {
		return s.db.View(func(tx *bolt.Tx) error {
			if err := forEach(tx.Bucket(bucketContacts), func(model.Contact) error { return nil }); err != nil {
				return err
			}
			if err := forEach(tx.Bucket(bucketInterviews), func(interviewHeader) error { return nil }); err != nil {
				return err
			}
			if err := verifyInterviewParts(tx); err != nil {
				return err
			}
			if err := forEach(tx.Bucket(bucketInteractions), func(model.Interaction) error { return nil }); err != nil {
				return err
			}
			return forEach(tx.Bucket(bucketTemplates), func(storedTemplate) error { return nil })
		})
	})
	if err != nil {
		return fmt.Errorf("read notebook: %w", err)
	}
	return nil
}
