package contacts

import (
	"parley/model"
	"parley/ui/common"
	"parley/ui/uitest"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func loadedList(t *testing.T) ContactList {
	t.Helper()
	l := NewContactList(uitest.FixtureCommon(t))
	return shown(l, uitest.FixtureNotebook()).SetSize(120, 40).(ContactList)
}

// shown is l after it got nb and built itself from it, as the program
// runs it: the build's command, then its result.
func shown(l ContactList, nb common.Notebook) ContactList {
	s, cmd := l.Update(common.NotebookLoadedMsg{Notebook: nb})
	for _, msg := range uitest.Collect(cmd) {
		s, _ = s.Update(msg)
	}
	return s.(ContactList)
}

// send gives s msg and then the list its rebuild makes, if it asked for
// one, as the program would.
func send(s common.Screen, msg tea.Msg) common.Screen {
	s, cmd := s.Update(msg)
	for _, m := range uitest.Collect(cmd) {
		if b, ok := m.(listBuiltMsg); ok {
			s, _ = s.Update(b)
		}
	}
	return s
}

func names(l ContactList) []string {
	var out []string
	for _, p := range l.hits {
		out = append(out, l.contacts[p].Name)
	}
	return out
}

func TestListFilter(t *testing.T) {
	var s common.Screen = loadedList(t)
	s, _ = s.Update(uitest.KeyRunes("/"))
	if !s.Capturing() {
		t.Fatal("/ does not focus the filter")
	}
	s = uitest.TypeText(s, "org:city")
	if got := names(s.(ContactList)); strings.Join(got, ",") != "Ana Ruiz,José Brown" {
		t.Errorf("org:city = %v", got)
	}
	if !strings.Contains(s.View(), "2 of 10") {
		t.Error("the header does not say how many match")
	}
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if s.Capturing() || len(s.(ContactList).hits) != 2 {
		t.Error("enter should keep the filter and leave the box")
	}
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if len(s.(ContactList).hits) != 10 {
		t.Error("esc should clear the filter")
	}
}

func TestListSort(t *testing.T) {
	var s common.Screen = loadedList(t)
	s = send(s, uitest.KeyRunes("s")) // by stage
	if got := names(s.(ContactList)); got[0] != "Dana Smith" || got[len(got)-1] != "José Brown" {
		t.Errorf("by stage: %v", got)
	}
	s = send(s, uitest.KeyRunes("s")) // by next date
	if got := names(s.(ContactList)); got[0] != "Chidi Okafor" {
		t.Errorf("by next date, the overdue follow-up should lead: %v", got)
	}
}

func TestListDeleteAndUndo(t *testing.T) {
	var s common.Screen = loadedList(t)
	s, cmd := s.Update(uitest.KeyRunes("d"))
	if cmd == nil {
		t.Fatal("d does not ask")
	}
	confirm := cmd().(common.PushMsg).S
	_, yes := confirm.Update(uitest.KeyRunes("y"))
	var mark tea.Msg
	for _, c := range uitest.CmdsOf(yes()) {
		if m, ok := c().(markDeletedMsg); ok {
			mark = m
		}
	}
	s = send(s, mark)
	if got := names(s.(ContactList)); len(got) != 9 || got[0] == "Ana Ruiz" {
		t.Fatalf("after delete: %v", got)
	}
	s = send(s, uitest.KeyRunes("u"))
	if got := names(s.(ContactList)); len(got) != 10 || got[0] != "Ana Ruiz" {
		t.Fatalf("after undo: %v", got)
	}
}

// At 80 columns the newcomer saw Organisation at 12 columns and no Role
// while Stage and Next took half the row: the columns people scan come
// first.
func TestColumnsAt80GiveNameOrganisationAndRoleTheRoom(t *testing.T) {
	cols := columnsFor(80)
	if cols.role == 0 || cols.org < 14 || cols.name < 16 || cols.name+cols.org+cols.role < cols.stage+cols.next {
		t.Errorf("at 80: %+v", cols)
	}
	if wide := columnsFor(120); wide.stage != stageColW || wide.next != nextColW || wide.role == 0 {
		t.Errorf("at 120: %+v", wide)
	}
}

// TestFilterAsTypedIsFilterFromScratch types into the list as a user does
// (a key at a time, backspace, a paste, esc) over generated contacts, with
// the notebook changing mid-typing, and checks after every key that the
// list shows what a fresh index filters from the same contacts.
func TestFilterAsTypedIsFilterFromScratch(t *testing.T) {
	nb := benchNotebook(3000, true)
	var s common.Screen = shown(NewContactList(uitest.FixtureCommon(t)).SetSize(120, 40).(ContactList), nb)
	s, _ = s.Update(uitest.KeyRunes("/"))
	check := func(step string) {
		t.Helper()
		l := s.(ContactList)
		x := model.NewSearchIndexOf(l.contacts)
		want := x.Filter(model.ParseQuery(l.filter.Value()), x.All(nil), nil)
		if !slices.Equal(l.hits, want) {
			t.Fatalf("%s (%q): the list shows %d contacts, a fresh filter %d", step, l.filter.Value(), len(l.hits), len(want))
		}
	}
	backspace := uitest.KeyType(tea.KeyBackspace)
	for _, r := range "Sarah tag:pol" {
		s, _ = s.Update(uitest.KeyRunes(string(r)))
		check("typed")
	}
	for range 6 {
		s, _ = s.Update(backspace)
		check("backspace")
	}
	s, _ = s.Update(uitest.KeyRunes("reorg")) // pasted
	check("paste")
	// Someone is renamed and someone added elsewhere while the user types.
	changed := slices.Clone(nb.Contacts)
	changed[0].Name = "Sarah Reorganiser"
	changed = append(changed, model.Contact{ID: 999999, Name: "Zoë Sarah-Ruiz", Tags: []string{"policy"}})
	s = send(s, common.NotebookLoadedMsg{Notebook: common.NewNotebook(nb.Now, changed, nil, nb.Settings)})
	check("notebook changed")
	for _, r := range "anis" {
		s, _ = s.Update(uitest.KeyRunes(string(r)))
		check("typed after the change")
	}
	for range 9 {
		s, _ = s.Update(backspace)
		check("backspace after the change")
	}
	s, _ = s.Update(uitest.KeyRunes("ZOË"))
	check("capitals and accents")
	s, _ = s.Update(uitest.KeyType(tea.KeyEsc))
	check("esc")
}

// The header says how the list is ordered: words typed rank the hits.
func TestHeaderSaysWhenHitsAreRankedByMatch(t *testing.T) {
	nb := benchNotebook(50, false)
	var s common.Screen = shown(NewContactList(uitest.FixtureCommon(t)).SetSize(120, 40).(ContactList), nb)
	if v := s.View(); !strings.Contains(v, "sorted by name") {
		t.Fatalf("header before a filter:\n%s", v)
	}
	s, _ = s.Update(uitest.KeyRunes("/"))
	for _, r := range "tag:pol" {
		s, _ = s.Update(uitest.KeyRunes(string(r)))
	}
	if v := s.View(); !strings.Contains(v, "sorted by name") {
		t.Errorf("a tag: filter keeps the sort:\n%s", strings.SplitN(v, "\n", 2)[0])
	}
	for _, r := range " sa" {
		s, _ = s.Update(uitest.KeyRunes(string(r)))
	}
	if v := s.View(); !strings.Contains(v, "best match first") {
		t.Errorf("words typed rank the hits, the header must say so:\n%s", strings.SplitN(v, "\n", 2)[0])
	}
}
