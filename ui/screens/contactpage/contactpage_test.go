package contactpage

import (
	"parley/ui/uitest"
	"strings"
	"testing"

	"parley/model"
)

func TestReferralTree(t *testing.T) {
	nb := uitest.FixtureNotebook()
	nb.Contacts = append(nb.Contacts, model.Contact{ID: 11, Name: "Kofi Brown", ReferredBy: 4})
	p := NewContactPage(uitest.FixtureCommon(t), nb.Contacts[0])
	p.setLoaded(ContactPageLoadedMsg{contact: nb.Contacts[0], contacts: nb.Contacts})
	tree := p.referralTree()
	if len(tree) != 3 || tree[0].id != 1 || tree[1].id != 4 || tree[1].depth != 1 || tree[2].id != 11 || tree[2].depth != 2 {
		t.Fatalf("tree from Ana = %+v", tree)
	}
	if it, ok := p.current(); !ok || it.contactID != 4 {
		t.Errorf("the cursor should start on Dana, whom Ana referred: %+v", it)
	}
	p = p.SetSize(80, 24).(ContactPage)
	if !strings.Contains(p.View(), "└ Dana Smith") {
		t.Errorf("tree not drawn:\n%s", p.View())
	}
}
