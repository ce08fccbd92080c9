package exchange_test

import (
	"bytes"
	"io"
	"testing"

	"parley/demo"
	"parley/exchange"
)

// BenchmarkExport measures the streamed export per notebook size; its
// bytes per op should grow with the size of the output only through the
// buffered writer, not by holding the notebook.
func BenchmarkExport(b *testing.B) {
	for _, n := range []struct {
		name     string
		contacts int
	}{{"1k", 1000}, {"5k", 5000}} {
		s := openTemp(b)
		if _, err := demo.Fill(s, n.contacts, 1, t0); err != nil {
			b.Fatal(err)
		}
		b.Run(n.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := exchange.NewWriter(io.Discard)
				if err := s.Walk(w); err != nil {
					b.Fatal(err)
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadJSON measures checking an export before import.
func BenchmarkReadJSON(b *testing.B) {
	s := openTemp(b)
	if _, err := demo.Fill(s, 2000, 1, t0); err != nil {
		b.Fatal(err)
	}
	doc := export(b, s)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := exchange.ReadJSON(bytes.NewReader(doc)); err != nil {
			b.Fatal(err)
		}
	}
}
