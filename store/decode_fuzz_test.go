package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"parley/model"
)

// fuzzDecode checks one record decoder against arbitrary bytes: it never
// panics, a failure is ErrDamaged in one plain line naming the record, and
// a success re-encodes to a record that decodes to the same again.
func fuzzDecode[T any](f *testing.F, seeds ...any) {
	for _, seed := range seeds {
		data, err := json.Marshal(seed)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint64(1), data)
	}
	for _, raw := range []string{"", "null", "{", "[]", `{"id":1}`, `{"id":"1"}`, "\"\x9b\u202e\"", `{"id":1,"tags":{}}`} {
		f.Add(uint64(1), []byte(raw))
	}
	f.Fuzz(func(t *testing.T, id uint64, data []byte) {
		var v T
		err := decodeRecord(itob(id), data, &v)
		if err != nil {
			msg := err.Error()
			if !errors.Is(err, ErrDamaged) || strings.ContainsAny(msg, "\n\r") || strings.Contains(msg, "json:") ||
				strings.Contains(msg, "runtime error") {
				t.Fatalf("error is not a plain damage report: %q", msg)
			}
			return
		}
		again, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("decoded but cannot re-encode: %v", err)
		}
		var w T
		if err := decodeRecord(itob(id), again, &w); err != nil {
			t.Fatalf("re-encoded record does not decode: %v\n%s", err, again)
		}
	})
}

// Real records, as the store writes them, seed each target.

func FuzzDecodeContact(f *testing.F) {
	c := sampleContact()
	c.ID = 1
	c.ReferredBy = 4
	fuzzDecode[model.Contact](f, c, model.Contact{ID: 1, Name: "Bo"})
}

func FuzzDecodeInterview(f *testing.F) {
	iv := sampleInterview(1)
	iv.ID = 1
	fuzzDecode[model.Interview](f, iv, model.NewInterview(1, nil, t0))
}

func FuzzDecodeInteraction(f *testing.F) {
	fuzzDecode[model.Interaction](f,
		model.Interaction{ID: 1, ContactID: 2, Kind: model.KindRequest, At: t0, Channel: "email", Text: "Asked by email"},
		model.Interaction{ID: 1, ContactID: 2, Kind: model.KindInterview, At: t0})
}

func FuzzDecodeTemplate(f *testing.F) {
	fuzzDecode[storedTemplate](f,
		storedTemplate{ID: "u-1", Name: "Ask", Subject: "Hello {{name}}", Body: "Dear {{first}},\n…"},
		storedTemplate{ID: "request-email", Name: "Request", Body: "Hi"})
}
