package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"parley/model"
)

// Document is a whole notebook read from the JSON document, checked.
type Document struct {
	Settings
	Contacts     []model.Contact
	Interviews   []model.Interview
	Interactions []model.Interaction
	// lines[key][i] is the line where element i of the array key starts,
	// for problems found after decoding.
	lines map[string][]int
}

// Problems are everything wrong with a document, each at its place. An
// import reports them all and writes nothing.
type Problems []Problem

// Problem is one thing wrong with an imported file, at a line (0 when the
// place is a JSON path only) and a JSON path or field.
type Problem struct {
	Line int
	Path string
	Msg  string
}

func (p Problem) String() string {
	switch {
	case p.Line > 0 && p.Path != "":
		return fmt.Sprintf("line %d, %s: %s", p.Line, p.Path, p.Msg)
	case p.Line > 0:
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	case p.Path != "":
		return fmt.Sprintf("%s: %s", p.Path, p.Msg)
	}
	return p.Msg
}

// maxProblems is how many problems are listed before the rest are counted.
const maxProblems = 20

// Error is one line, naming the first problem; Lines lists them all.
func (ps Problems) Error() string {
	if len(ps) == 1 {
		return ps[0].String()
	}
	return fmt.Sprintf("%s (and %d more problem(s))", ps[0], len(ps)-1)
}

// Lines are the problems, one a line, the first maxProblems of them.
func (ps Problems) Lines() []string {
	var out []string
	for i, p := range ps {
		if i == maxProblems {
			out = append(out, fmt.Sprintf("… and %d more", len(ps)-maxProblems))
			break
		}
		out = append(out, p.String())
	}
	return out
}

// lineCounter turns a byte offset into a line number. Offsets mostly
// come in increasing order, so it counts on from the last one asked
// rather than from the start: linear in the file, not quadratic.
type lineCounter struct {
	data   []byte
	offset int64
	lines  int
}

func (l *lineCounter) line(offset int64) int {
	offset = min(max(offset, 0), int64(len(l.data)))
	if offset < l.offset {
		l.offset, l.lines = 0, 0
	}
	l.lines += bytes.Count(l.data[l.offset:offset], []byte{'\n'})
	l.offset = offset
	return 1 + l.lines
}

// ReadJSON reads and checks a document `parley export` wrote. It reads all
// of r first; every problem found is returned together as Problems, with
// its line and JSON path.
func ReadJSON(r io.Reader) (Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Document{}, err
	}
	lines := &lineCounter{data: data}
	dec := json.NewDecoder(bytes.NewReader(data))
	doc := Document{lines: map[string][]int{}}
	var ps Problems
	add := func(offset int64, path, msg string) {
		ps = append(ps, Problem{Line: lines.line(offset), Path: path, Msg: msg})
	}
	syntax := func(err error) (Document, error) {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return doc, append(ps, Problem{Line: lines.line(se.Offset), Msg: "not valid JSON: " + strings.TrimPrefix(se.Error(), "invalid character ")})
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return doc, append(ps, Problem{Line: lines.line(int64(len(data))), Msg: "the file ends in the middle of the document"})
		}
		return doc, append(ps, Problem{Line: lines.line(dec.InputOffset()), Msg: jsonMessage(err)})
	}
	if tok, err := dec.Token(); err != nil {
		return syntax(err)
	} else if tok != json.Delim('{') {
		return doc, Problems{{Line: 1, Msg: "not a Parley export: it does not start with {"}}
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return syntax(err)
		}
		key, _ := tok.(string)
		at := dec.InputOffset()
		if seen[key] {
			add(at, key, "appears twice")
		}
		seen[key] = true
		var target any
		switch key {
		case "format":
			var f string
			if err := dec.Decode(&f); err != nil {
				return syntax(err)
			}
			if f != Format {
				return doc, Problems{{Line: lines.line(at), Path: "format", Msg: fmt.Sprintf("is %q, not %q: this is not a Parley export", f, Format)}}
			}
			continue
		case "version":
			var v int
			if err := dec.Decode(&v); err != nil {
				return syntax(err)
			}
			if v != Version {
				return doc, Problems{{Line: lines.line(at), Path: "version", Msg: fmt.Sprintf("is %d; this Parley reads version %d (export again with the Parley that made it)", v, Version)}}
			}
			continue
		case "profile":
			target = &doc.Profile
		case "follow_up_rules":
			target = &doc.FollowUpRules
		case "question_bank":
			target = &doc.QuestionBank
		case "templates":
			err = decodeArray(dec, key, add, func(offset int64) { doc.lines[key] = append(doc.lines[key], lines.line(offset)) }, func(d *json.Decoder) error {
				var t Template
				err := strict(d, &t)
				doc.Templates = append(doc.Templates, t)
				return err
			})
		case "contacts":
			err = decodeArray(dec, key, add, func(offset int64) { doc.lines[key] = append(doc.lines[key], lines.line(offset)) }, func(d *json.Decoder) error {
				var c model.Contact
				err := strict(d, &c)
				doc.Contacts = append(doc.Contacts, c)
				return err
			})
		case "interviews":
			err = decodeArray(dec, key, add, func(offset int64) { doc.lines[key] = append(doc.lines[key], lines.line(offset)) }, func(d *json.Decoder) error {
				var iv Interview
				err := strict(d, &iv)
				doc.Interviews = append(doc.Interviews, iv.model())
				return err
			})
		case "timeline":
			err = decodeArray(dec, key, add, func(offset int64) { doc.lines[key] = append(doc.lines[key], lines.line(offset)) }, func(d *json.Decoder) error {
				var it model.Interaction
				err := strict(d, &it)
				doc.Interactions = append(doc.Interactions, it)
				return err
			})
		default:
			add(at, key, "is not part of a Parley export")
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if target != nil {
			err = decodeValue(dec, key, add, target)
		}
		if err != nil {
			return syntax(err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return syntax(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		add(dec.InputOffset(), "", "something follows the end of the document")
	}
	if !seen["format"] {
		ps = append(ps, Problem{Line: 1, Msg: `not a Parley export: it has no "format"`})
	}
	if !seen["version"] && seen["format"] {
		ps = append(ps, Problem{Line: 1, Msg: `it has no "version"; it was made by an older Parley (export it again with this one)`})
	}
	if len(ps) > 0 {
		return doc, ps
	}
	if ps := doc.check(); len(ps) > 0 {
		return doc, ps
	}
	return doc, nil
}

type addFunc func(offset int64, path, msg string)

// at is the line where element i of the array key starts, or 0.
func (d Document) at(key string, i int) int {
	if ls := d.lines[key]; i < len(ls) {
		return ls[i]
	}
	return 0
}

// decodeArray decodes the array under key element by element, each with
// one, noting a wrong element (and going on) at its line and index. A
// syntax error stops it.
func decodeArray(dec *json.Decoder, key string, add addFunc, mark func(int64), one func(*json.Decoder) error) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	if tok != json.Delim('[') {
		add(dec.InputOffset(), key, "should be a list [ … ]")
		return nil
	}
	for i := 0; dec.More(); i++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		at := dec.InputOffset() - int64(len(raw))
		mark(at)
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		if err := one(d); err != nil {
			add(at, fmt.Sprintf("%s[%d]%s", key, i, fieldOf(err)), jsonMessage(err))
		}
	}
	_, err = dec.Token()
	return err
}

func decodeValue(dec *json.Decoder, key string, add addFunc, v any) error {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	at := dec.InputOffset() - int64(len(raw))
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		add(at, key+fieldOf(err), jsonMessage(err))
	}
	return nil
}

func strict(d *json.Decoder, v any) error { return d.Decode(v) }

// fieldOf is ".field" for an error about one field of a record.
func fieldOf(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return "." + te.Field
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return "." + strings.Trim(f, `"`)
	}
	return ""
}

// jsonMessage says in plain words what the decoder found wrong.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		return fmt.Sprintf("should be %s, not a %s", kindOf(te.Type.Kind().String()), te.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "is not a field Parley knows"
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); strings.HasPrefix(msg, "parsing time") && i >= 0 {
		return "is not a time (like 2026-03-31T14:00:00Z)"
	}
	return strings.TrimPrefix(msg, "json: ")
}

func kindOf(k string) string {
	switch k {
	case "string":
		return "text"
	case "slice":
		return "a list"
	case "struct", "map":
		return "an object { … }"
	case "bool":
		return "true or false"
	}
	return "a number"
}
