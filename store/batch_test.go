package store

import (
	"testing"

	"parley/model"
)

func TestAddContactsSavesABatchWhole(t *testing.T) {
	s, _ := openTemp(t)
	first, err := s.PutContact(model.Contact{Name: "Already here"})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(0, []string{"Q"}, t0)
	iv.Notes = []model.Note{{QuestionID: 1, Text: "said a lot", Starred: true}}
	ids, err := s.AddContacts([]NewContact{
		{Contact: model.Contact{Name: "Ana", ReferredBy: first.ID}, Interviews: []model.Interview{iv},
			Interactions: []model.Interaction{{Kind: model.KindRequest, At: t0, Text: "Dear Ana"}}},
		{Contact: model.Contact{Name: "Ben"}, ReferredByEarlier: 1},
	})
	if err != nil || len(ids) != 2 {
		t.Fatalf("AddContacts = %v, %v", ids, err)
	}
	ana, _ := s.Contact(ids[0])
	ben, _ := s.Contact(ids[1])
	if ana.ReferredBy != first.ID || ben.ReferredBy != ana.ID {
		t.Errorf("referrals: ana %d, ben %d", ana.ReferredBy, ben.ReferredBy)
	}
	ivs, err := s.Interviews(ana.ID)
	if err != nil || len(ivs) != 1 || ivs[0].Notes[0].Text != "said a lot" || ivs[0].ContactID != ana.ID {
		t.Errorf("Ana's interviews = %+v, %v", ivs, err)
	}
	if its, _ := s.Interactions(ana.ID); len(its) != 1 || its[0].Text != "Dear Ana" {
		t.Errorf("Ana's timeline = %+v", its)
	}
	if stats, _ := s.QuestionStats(); stats["text:q"].Starred != 1 {
		t.Errorf("stats = %v", stats)
	}

	// One bad record refuses the whole batch.
	_, err = s.AddContacts([]NewContact{
		{Contact: model.Contact{Name: "Cleo"}},
		{Contact: model.Contact{Name: "Dan"}, Interactions: []model.Interaction{{Kind: "gossip", At: t0}}},
	})
	if err == nil {
		t.Fatal("a batch with a bad timeline entry was saved")
	}
	for _, bad := range [][]NewContact{
		{{Contact: model.Contact{Name: ""}}},
		{{Contact: model.Contact{Name: "Eve"}, ReferredByEarlier: 1}},
		{{Contact: model.Contact{Name: "Fay", ReferredBy: 999}}},
	} {
		if _, err := s.AddContacts(bad); err == nil {
			t.Errorf("batch %+v saved", bad)
		}
	}
	if cs, _ := s.Contacts(); len(cs) != 3 {
		t.Errorf("%d contacts after refused batches, want 3", len(cs))
	}
}
