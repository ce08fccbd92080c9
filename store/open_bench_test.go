package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"parley/model"
)

// bigNotebook is a closed notebook of 2,000 contacts and 500 interviews
// holding 20 KB of notes each (about 10 MB of JSON).
func bigNotebook(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := range 2000 {
		c, err := s.PutContact(model.Contact{Name: fmt.Sprintf("Contact %d", i), Notes: strings.Repeat("n", 500)})
		if err != nil {
			b.Fatal(err)
		}
		if i%4 == 0 {
			iv := model.NewInterview(c.ID, nil, t0)
			for range 100 {
				iv.Notes = append(iv.Notes, model.Note{Text: strings.Repeat("x", 200)})
			}
			if _, err := s.PutInterview(iv); err != nil {
				b.Fatal(err)
			}
		}
	}
	return path
}

// BenchmarkOpenBigNotebook is what every open costs: the file checks, the
// identity and layout checks, no write.
func BenchmarkOpenBigNotebook(b *testing.B) {
	path := bigNotebook(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkVerifyBigNotebook is what parley add reads before it writes.
func BenchmarkVerifyBigNotebook(b *testing.B) {
	path := bigNotebook(b)
	s, err := OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for b.Loop() {
		if err := s.Verify(); err != nil {
			b.Fatal(err)
		}
	}
}
