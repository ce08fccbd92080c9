package store_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"parley/demo"
	"parley/questions"
	"parley/store"
	"strconv"
)

// benchNow is the demo notebooks' reference time, fixed so every run reads
// the same records.
var benchNow = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)

// benchSizes are the notebook sizes of the growth table; interviews are
// about half the contacts. Pick one with -bench 'Store/^contacts=10000$/'.
var benchSizes = []int{1000, 10000, 50000}

// BenchmarkStore measures, at each size, what loading a screen costs in the
// store: the whole notebook as the first screen reads it today (Snapshot)
// against the notes-free Overview, one contact's page, and the bank's
// statistics. Each reports its worst iteration beside the mean.
//
// The notebook is made with demo.Fill, or, when PARLEY_SCHEMA1_DIR names
// the folder where BenchmarkUpgrade kept its schema-1 notebooks, upgraded
// from one of those: the same records the schema-1 store can be measured
// on, laid out as an upgraded notebook is.
func BenchmarkStore(b *testing.B) {
	for _, n := range benchSizes {
		b.Run("contacts="+strconv.Itoa(n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "parley.db")
			if dir := os.Getenv("PARLEY_SCHEMA1_DIR"); dir != "" {
				upgraded(b, filepath.Join(dir, "schema1-"+strconv.Itoa(n)+".db"), path)
				benchReads(b, path)
				return
			}
			s, err := store.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			counts, err := demo.Fill(s, n, 1, benchNow)
			if err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
			info, _ := os.Stat(path)
			b.Logf("demo: %d contacts, %d interviews, %d entries in %v; file %.1f MB",
				counts.Contacts, counts.Interviews, counts.Interactions, took.Round(time.Millisecond), float64(info.Size())/1e6)
			benchReads(b, path)
		})
	}
}

// upgraded copies the schema-1 notebook at src to path and opens it once,
// which upgrades it.
func upgraded(b *testing.B, src, path string) {
	data, err := os.ReadFile(src)
	if err != nil {
		b.Skip(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	s := mustOpen(b, path)
	b.Logf("upgraded %s in %v", src, time.Since(start).Round(time.Millisecond))
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
}

// benchReads runs the read benchmarks on the notebook at path.
func benchReads(b *testing.B, path string) {
	b.Run("open+snapshot", func(b *testing.B) {
		eachTimed(b, func() {
			s := mustOpen(b, path)
			if _, err := s.Snapshot(); err != nil {
				b.Fatal(err)
			}
			if _, err := s.Settings(); err != nil {
				b.Fatal(err)
			}
			s.Close()
		})
	})
	b.Run("open+overview", func(b *testing.B) {
		eachTimed(b, func() {
			s := mustOpen(b, path)
			if _, err := s.Overview(); err != nil {
				b.Fatal(err)
			}
			s.Close()
		})
	})
	s := mustOpen(b, path)
	defer s.Close()
	ov, err := s.Overview()
	if err != nil {
		b.Fatal(err)
	}
	// The contact pages visited: every contact with a held interview, in
	// turn, so no one contact's pages sit warm in a cache of ours.
	var visited []uint64
	for _, iv := range ov.Interviews {
		if _, held := iv.HeldAt(); held {
			visited = append(visited, iv.ContactID)
		}
	}
	slices.Sort(visited)
	visited = slices.Compact(visited)
	b.Run("snapshot", func(b *testing.B) {
		eachTimed(b, func() {
			if _, err := s.Snapshot(); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("overview", func(b *testing.B) {
		eachTimed(b, func() {
			if _, err := s.Overview(); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("contact-page", func(b *testing.B) {
		i := 0
		eachTimed(b, func() {
			id := visited[i%len(visited)]
			i++
			if _, err := s.Contact(id); err != nil {
				b.Fatal(err)
			}
			if _, err := s.Interviews(id); err != nil {
				b.Fatal(err)
			}
			if _, err := s.Interactions(id); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("stats-all-interviews", func(b *testing.B) {
		eachTimed(b, func() {
			ivs, err := s.AllInterviews()
			if err != nil {
				b.Fatal(err)
			}
			_ = questions.Stats(ivs)
		})
	})
	b.Run("stats-question-stats", func(b *testing.B) {
		eachTimed(b, func() {
			if _, err := s.QuestionStats(); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// eachTimed runs f b.N times and reports the slowest run beside the mean.
func eachTimed(b *testing.B, f func()) {
	b.ReportAllocs()
	var worst time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		f()
		worst = max(worst, time.Since(start))
	}
	b.ReportMetric(float64(worst)/1e6, "worst-ms")
}

func mustOpen(b *testing.B, path string) *store.Store {
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	return s
}
