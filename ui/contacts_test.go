package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func loadedList(t *testing.T) contactList {
	t.Helper()
	l := newContactList(fixtureCommon(t))
	l.setNotebook(fixtureNotebook())
	return l.setSize(120, 40).(contactList)
}

func names(l contactList) []string {
	var out []string
	for _, p := range l.hits {
		out = append(out, l.contacts[p].Name)
	}
	return out
}

func TestListFilter(t *testing.T) {
	var s screen = loadedList(t)
	s, _ = s.Update(keyRunes("/"))
	if !s.capturing() {
		t.Fatal("/ does not focus the filter")
	}
	s = typeText(s, "org:city")
	if got := names(s.(contactList)); strings.Join(got, ",") != "Ana Ruiz,José Brown" {
		t.Errorf("org:city = %v", got)
	}
	if !strings.Contains(s.view(), "2 of 10") {
		t.Error("the header does not say how many match")
	}
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if s.capturing() || len(s.(contactList).hits) != 2 {
		t.Error("enter should keep the filter and leave the box")
	}
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if len(s.(contactList).hits) != 10 {
		t.Error("esc should clear the filter")
	}
}

func TestListSort(t *testing.T) {
	var s screen = loadedList(t)
	s, _ = s.Update(keyRunes("s")) // by stage
	if got := names(s.(contactList)); got[0] != "Dana Smith" || got[len(got)-1] != "José Brown" {
		t.Errorf("by stage: %v", got)
	}
	s, _ = s.Update(keyRunes("s")) // by next date
	if got := names(s.(contactList)); got[0] != "Chidi Okafor" {
		t.Errorf("by next date, the overdue follow-up should lead: %v", got)
	}
}

func TestListDeleteAndUndo(t *testing.T) {
	var s screen = loadedList(t)
	s, cmd := s.Update(keyRunes("d"))
	if cmd == nil {
		t.Fatal("d does not ask")
	}
	confirm := cmd().(pushMsg).s
	_, yes := confirm.Update(keyRunes("y"))
	var mark tea.Msg
	for _, c := range cmdsOf(yes()) {
		if m, ok := c().(markDeletedMsg); ok {
			mark = m
		}
	}
	s, _ = s.Update(mark)
	if got := names(s.(contactList)); len(got) != 9 || got[0] == "Ana Ruiz" {
		t.Fatalf("after delete: %v", got)
	}
	s, _ = s.Update(keyRunes("u"))
	if got := names(s.(contactList)); len(got) != 10 || got[0] != "Ana Ruiz" {
		t.Fatalf("after undo: %v", got)
	}
}
