package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"parley/model"
)

// decodeRecord decodes one stored record into v. A record that cannot be
// one (not JSON, a field of the wrong type, an ID that is not its key) is
// ErrDamaged with a message naming the record, so the user learns which one
// and nothing is built on it.
func decodeRecord[T any](key, data []byte, v *T) error {
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %s %s", ErrDamaged, recordName(v, key), jsonProblem(err))
	}
	if id, ok := recordID(v); ok && (len(key) != 8 || id != binary.BigEndian.Uint64(key)) {
		return fmt.Errorf("%w: %s says it is number %d", ErrDamaged, recordName(v, key), id)
	}
	return nil
}

// recordName says which record a key names, in the user's words.
func recordName(v any, key []byte) string {
	kind := "record"
	switch v.(type) {
	case *model.Contact:
		kind = "contact"
	case *model.Interview, *interviewHeader:
		kind = "interview"
	case *checklist:
		kind = "checklist of interview"
	case *[]model.Note:
		kind = "notes of interview"
	case *model.Interaction:
		kind = "timeline entry"
	case *storedTemplate:
		kind = "template"
	}
	if len(key) == 8 {
		return fmt.Sprintf("%s %d", kind, binary.BigEndian.Uint64(key))
	}
	return fmt.Sprintf("%s %q", kind, key)
}

// recordID is the ID a record carries inside itself, for the kinds keyed
// by it.
func recordID(v any) (uint64, bool) {
	switch r := v.(type) {
	case *model.Contact:
		return r.ID, true
	case *model.Interview:
		return r.ID, true
	case *interviewHeader:
		return r.ID, true
	case *model.Interaction:
		return r.ID, true
	}
	return 0, false
}

// jsonProblem says in plain words why a record did not decode, without the
// decoder's Go type names.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax), err.Error() == "unexpected end of JSON input":
		return "is not valid JSON"
	case errors.As(err, &typ) && typ.Field != "":
		return fmt.Sprintf("has a wrong value in %q", typ.Field)
	case errors.As(err, &typ):
		return "is not the right kind of value"
	}
	return "cannot be read"
}
