package ui

import (
	"strings"
	"testing"

	"parley/model"
)

func TestReferralTree(t *testing.T) {
	nb := fixtureNotebook()
	nb.contacts = append(nb.contacts, model.Contact{ID: 11, Name: "Kofi Brown", ReferredBy: 4})
	p := newContactPage(fixtureCommon(t), nb.contacts[0])
	p.setLoaded(contactPageLoadedMsg{contact: nb.contacts[0], contacts: nb.contacts})
	tree := p.referralTree()
	if len(tree) != 3 || tree[0].id != 1 || tree[1].id != 4 || tree[1].depth != 1 || tree[2].id != 11 || tree[2].depth != 2 {
		t.Fatalf("tree from Ana = %+v", tree)
	}
	if it, ok := p.current(); !ok || it.contactID != 4 {
		t.Errorf("the cursor should start on Dana, whom Ana referred: %+v", it)
	}
	p = p.setSize(80, 24).(contactPage)
	if !strings.Contains(p.view(), "└ Dana Smith") {
		t.Errorf("tree not drawn:\n%s", p.view())
	}
}
