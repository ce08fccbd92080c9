package search

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/demo"
	"parley/ui/common"
	"parley/ui/uitest"
)

// BenchmarkSearchKeystroke measures what one key costs the search screen
// on a demo notebook of 10,000 contacts (about 5,000 interviews): the key
// through Update (the box, then the hits narrowed from the key before) and
// the View that follows (a screenful of snippets), at 80x24. Typing
// "chartership" a letter at a time; each reports its worst run beside the
// mean. The goal is 16 ms a key.
func BenchmarkSearchKeystroke(b *testing.B) {
	c, st, _ := uitest.NewTestCommonAt(b, uitest.HarnessNow)
	counts, err := demo.Fill(st, 10000, 1, uitest.HarnessNow)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("demo: %d contacts, %d interviews, %d timeline entries", counts.Contacts, counts.Interviews, counts.Interactions)
	var screen common.Screen = NewSearchScreen(c)
	screen = screen.SetSize(80, 22)
	built := buildIndex(st, 1)()
	screen, _ = screen.Update(built)
	b.Logf("index: %d texts", screen.(Screen).index.Len())

	word := "chartership"
	for n := 1; n <= len(word); n++ {
		before := screen
		key := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune(word[n-1])}}
		b.Run("key="+word[:n], func(b *testing.B) {
			var after common.Screen
			eachTimed(b, func() {
				after, _ = before.Update(key)
				_ = after.View()
			})
			b.ReportMetric(float64(len(after.(Screen).hits)), "hits")
		})
		screen, _ = before.Update(key)
	}
	// Deleting a letter searches everything again: the worst key.
	b.Run("backspace", func(b *testing.B) {
		before := screen
		key := tea.KeyMsg{Type: tea.KeyBackspace}
		eachTimed(b, func() {
			after, _ := before.Update(key)
			_ = after.View()
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
