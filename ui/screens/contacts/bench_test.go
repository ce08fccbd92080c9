package contacts

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/uitest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/model/sample"
)

// benchNotebook is n contacts made up by model/sample, the generator
// behind parley demo: varied names, organisations, tags and research notes,
// with each one's activity. Without notes, it is what both lists below
// search alike.
func benchNotebook(n int, withNotes bool) common.Notebook {
	g := sample.New(1, uitest.TestNow)
	cs := make([]model.Contact, n)
	var ivs []model.Interview
	var its []model.Interaction
	for i := range cs {
		p := g.Next()
		cs[i] = p.Contact
		cs[i].ID = uint64(i + 1)
		if !withNotes {
			cs[i].Notes = ""
		}
		for _, iv := range p.Interviews {
			iv.ContactID = cs[i].ID
			ivs = append(ivs, iv)
		}
		for _, it := range p.Interactions {
			it.ContactID = cs[i].ID
			its = append(its, it)
		}
	}
	facts := model.SummarizeFacts(ivs, its)
	byPosition := make([]model.ActivityFacts, n)
	for i, c := range cs {
		byPosition[i] = facts[c.ID]
	}
	return common.NewNotebook(uitest.TestNow, cs, byPosition, model.Defaults())
}

// builtList is the list showing nb, built as the program builds it.
func builtList(b *testing.B, nb common.Notebook) common.Screen {
	l := shown(NewContactList(benchCommon(b)).SetSize(120, 40).(ContactList), nb)
	if !l.loaded {
		b.Fatal("the list was not built")
	}
	return l
}

func benchCommon(b *testing.B) *common.Common {
	c, _, _ := uitest.NewTestCommonAt(b, uitest.TestNow)
	st := common.NewStyles(false)
	c.Styles = &st
	return c
}

// benchQueries are typed a key at a time: a name, a fuzzy abbreviation, a
// tag, and a word that (with notes) is found only in notes.
var benchQueries = []string{"sarah", "cncl", "tag:pol", "reorg"}

// keyTimer keeps the mean, the 99th percentile and the slowest
// keystroke. On a shared machine the slowest is often a time slice lost to
// another process or a garbage collection, so the percentile says what
// nearly every key costs.
type keyTimer struct {
	times []time.Duration
}

func (k *keyTimer) time(f func()) {
	t0 := time.Now()
	f()
	k.times = append(k.times, time.Since(t0))
}

func (k *keyTimer) report(b *testing.B) {
	if len(k.times) == 0 {
		return
	}
	slices.Sort(k.times)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(len(k.times)), "ns/key")
	b.ReportMetric(float64(k.times[len(k.times)*99/100].Nanoseconds()), "p99-ns/key")
	b.ReportMetric(float64(k.times[len(k.times)-1].Nanoseconds()), "worst-ns/key")
}

// BenchmarkListFilter types queries into the list's filter a key at a
// time, each keystroke being Update plus View, and reports the mean and
// the slowest keystroke. "notes=no" is the same work as the bubbles list
// below does (fuzzy matching of name, organisation, role and tags);
// "notes=yes" is Parley as it runs, which also finds words in the notes
// (a substring match).
func BenchmarkListFilter(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		for _, withNotes := range []bool{false, true} {
			nb := benchNotebook(n, withNotes)
			for _, q := range benchQueries {
				b.Run(fmt.Sprintf("contacts=%d/notes=%s/%s", n, yesNo(withNotes), q), func(b *testing.B) {
					s := builtList(b, nb)
					s, _ = s.Update(uitest.KeyRunes("/"))
					var k keyTimer
					for b.Loop() {
						for _, r := range q {
							k.time(func() {
								s, _ = s.Update(uitest.KeyRunes(string(r)))
								_ = s.View()
							})
						}
						b.StopTimer()
						cl := s.(ContactList)
						cl.filter.SetValue("")
						cl.refilter()
						s = cl
						b.StartTimer()
					}
					k.report(b)
				})
			}
		}
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// BenchmarkListCursor10k moves the cursor down one row, Update plus View.
func BenchmarkListCursor10k(b *testing.B) {
	s := builtList(b, benchNotebook(10000, true))
	down := tea.KeyMsg{Type: tea.KeyDown}
	var k keyTimer
	for b.Loop() {
		k.time(func() {
			s, _ = s.Update(down)
			_ = s.View()
		})
	}
	k.report(b)
}

// BenchmarkListBuild is the work done once per change, in a command:
// next steps, sort and index of every contact.
func BenchmarkListBuild(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		nb := benchNotebook(n, true)
		b.Run(fmt.Sprintf("contacts=%d", n), func(b *testing.B) {
			var k keyTimer
			for b.Loop() {
				k.time(func() { common.BuildContactList(nb, nil, model.SortByName) })
			}
			k.report(b)
		})
	}
}

// bubblesItem is a contact for the bubbles list, filtered on the text
// Parley fuzzy-matches: name, organisation, role and tags. Parley's notes
// search is a substring match, which the bubbles list has no way to do, so
// the comparison leaves notes out on both sides.
type bubblesItem struct{ c model.Contact }

func (i bubblesItem) Title() string       { return i.c.Name }
func (i bubblesItem) Description() string { return i.c.Subtitle() }
func (i bubblesItem) FilterValue() string {
	return strings.Join([]string{i.c.Name, i.c.Organisation, i.c.Role, strings.Join(i.c.Tags, " ")}, " ")
}

func newBubblesList(nb common.Notebook) list.Model {
	items := make([]list.Item, len(nb.Contacts))
	for i, c := range nb.Contacts {
		items[i] = bubblesItem{c}
	}
	l := list.New(items, list.NewDefaultDelegate(), 120, 40)
	// A blinking cursor's command sleeps; ours does not blink either.
	l.FilterInput.Cursor.SetMode(cursor.CursorStatic)
	return l
}

// runCmd runs a command and feeds its message back, as the program would:
// the bubbles list filters in a command.
func runCmd(l list.Model, cmd tea.Cmd) list.Model {
	for cmd != nil {
		// A command that does not answer at once is a timer (a status
		// message's expiry): the program would not wait for it either.
		ch := make(chan tea.Msg, 1)
		go func(c tea.Cmd) { ch <- c() }(cmd)
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(5 * time.Second):
			return l
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				l = runCmd(l, c)
			}
			return l
		}
		if msg == nil {
			return l
		}
		l, cmd = l.Update(msg)
	}
	return l
}

// BenchmarkBubblesListFilter is the same typing in the bubbles list, on
// the notes-free contacts.
func BenchmarkBubblesListFilter(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		nb := benchNotebook(n, false)
		for _, q := range benchQueries {
			if strings.HasPrefix(q, "tag:") {
				continue // a Parley query form; bubbles would look for the text "tag:"
			}
			b.Run(fmt.Sprintf("contacts=%d/%s", n, q), func(b *testing.B) {
				l := newBubblesList(nb)
				var cmd tea.Cmd
				l, cmd = l.Update(uitest.KeyRunes("/"))
				l = runCmd(l, cmd)
				var k keyTimer
				for b.Loop() {
					for _, r := range q {
						k.time(func() {
							l, cmd = l.Update(uitest.KeyRunes(string(r)))
							l = runCmd(l, cmd)
							_ = l.View()
						})
					}
					b.StopTimer()
					l.SetFilterText("")
					l.SetFilterState(list.Filtering)
					b.StartTimer()
				}
				k.report(b)
			})
		}
	}
}

// BenchmarkBubblesListCursor10k is the same cursor move in the bubbles
// list.
func BenchmarkBubblesListCursor10k(b *testing.B) {
	l := newBubblesList(benchNotebook(10000, true))
	down := tea.KeyMsg{Type: tea.KeyDown}
	var k keyTimer
	for b.Loop() {
		k.time(func() {
			var cmd tea.Cmd
			l, cmd = l.Update(down)
			l = runCmd(l, cmd)
			_ = l.View()
		})
	}
	k.report(b)
}
