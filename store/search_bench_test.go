package store_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"parley/demo"
	"parley/model"
	"parley/questions"
	"parley/store"
)

// searchIndex reads the notebook into a search index.
func searchIndex(b *testing.B, s *store.Store) *model.NotebookIndex {
	var ib model.IndexBuilder
	if err := s.SearchSources(ib.Add); err != nil {
		b.Fatal(err)
	}
	return ib.Build()
}

// demoNotebook fills a demo notebook of n contacts (about n/2 interviews)
// and returns it open.
func demoNotebook(b *testing.B, n int) *store.Store {
	s := mustOpen(b, filepath.Join(b.TempDir(), "parley.db"))
	counts, err := demo.Fill(s, n, 1, benchNow)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("demo: %d contacts, %d interviews, %d timeline entries", counts.Contacts, counts.Interviews, counts.Interactions)
	return s
}

// BenchmarkInsights measures what the "what you have learned" screens will
// compute, from the store read to the result, on a demo notebook of 10,000
// contacts: answers side by side (every interview with its notes), the
// takeaways and the progress (the overview alone).
func BenchmarkInsights(b *testing.B) {
	s := demoNotebook(b, 10000)
	defer s.Close()
	grouping := model.QuestionGrouping{Key: questions.StatKey, Theme: func(key string) string {
		if q, ok := questions.Lookup(questions.BuiltIns(), key); ok {
			return string(q.Theme)
		}
		return ""
	}}
	b.Run("side-by-side", func(b *testing.B) {
		var n int
		eachTimed(b, func() {
			ov, ivs := insightReads(b, s)
			n = len(model.SideBySide(ov.Contacts, ivs, model.PeopleFilter{}, grouping))
		})
		b.ReportMetric(float64(n), "themes")
	})
	// The same without the store read: what a change of filter costs.
	ov, ivs := insightReads(b, s)
	for _, f := range []model.PeopleFilter{{}, {Field: "urban planning"}} {
		b.Run("side-by-side-compute/field="+f.Field, func(b *testing.B) {
			eachTimed(b, func() { model.SideBySide(ov.Contacts, ivs, f, grouping) })
		})
	}
	b.Run("takeaways+progress-compute", func(b *testing.B) {
		eachTimed(b, func() {
			model.Takeaways(ov.Contacts, ov.Interviews, model.PeopleFilter{})
			model.ProgressAt(benchNow, model.ProgressWeeks, ov.Contacts, ov.Interviews, ov.Interactions, ov.Settings)
		})
	})
	b.Run("takeaways+progress", func(b *testing.B) {
		eachTimed(b, func() {
			ov, err := s.Overview()
			if err != nil {
				b.Fatal(err)
			}
			model.Takeaways(ov.Contacts, ov.Interviews, model.PeopleFilter{})
			model.ProgressAt(benchNow, model.ProgressWeeks, ov.Contacts, ov.Interviews, ov.Interactions, ov.Settings)
		})
	})
}

// insightReads are the store reads the answer screen makes: the overview
// and every interview with its notes.
func insightReads(b *testing.B, s *store.Store) (store.Overview, []model.Interview) {
	ov, err := s.Overview()
	if err != nil {
		b.Fatal(err)
	}
	ivs, err := s.AllInterviews()
	if err != nil {
		b.Fatal(err)
	}
	return ov, ivs
}

// BenchmarkSearchEverywhere measures the search over everything on a demo
// notebook of 10,000 contacts (about 5,000 interviews): building the index
// from the store, a whole query of each sort (with the snippets of a
// screenful of hits), and typing a word a letter at a time, each letter
// narrowing the previous hits. Each reports its worst run beside the mean.
func BenchmarkSearchEverywhere(b *testing.B) {
	s := demoNotebook(b, 10000)
	defer s.Close()

	b.Run("build-index", func(b *testing.B) {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.HeapAlloc
		x := searchIndex(b, s)
		runtime.GC()
		runtime.ReadMemStats(&ms)
		kept := float64(ms.HeapAlloc-before) / 1e6
		runtime.KeepAlive(x)
		eachTimed(b, func() { searchIndex(b, s) })
		// After eachTimed, whose timer reset clears earlier metrics.
		b.ReportMetric(kept, "index-MB")
		b.ReportMetric(float64(x.Len()), "texts")
	})

	x := searchIndex(b, s)
	for _, q := range []struct{ name, text string }{
		{"common-word", "the"},
		{"frequent-phrase", "site visits"},
		{"rare-word", "dvorak"},
		{"no-hit", "xylophone"},
		{"2-letter-prefix", "pl"},
	} {
		b.Run("query="+q.name, func(b *testing.B) {
			var hits []model.Hit
			eachTimed(b, func() {
				hits = x.Find(q.text, hits)
				for _, h := range hits[:min(len(hits), 40)] {
					_ = x.Snippet(h, 60)
				}
			})
			b.ReportMetric(float64(len(hits)), "hits")
		})
	}

	// Typing a word a letter at a time: each key narrows the hits of the
	// key before, as the search box does.
	word := "chartership"
	for n := 1; n <= len(word); n++ {
		prevQ := word[:n-1]
		prevHits := x.Find(prevQ, nil)
		b.Run("key="+word[:n], func(b *testing.B) {
			var hits []model.Hit
			eachTimed(b, func() { hits = x.Refine(word[:n], prevQ, prevHits, hits) })
			b.ReportMetric(float64(len(hits)), "hits")
		})
	}
}
