package sample

import (
	"reflect"
	"testing"
	"time"

	"parley/model"
)

var now = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)

func people(seed uint64, n int) []Person {
	g := New(seed, now)
	out := make([]Person, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

func TestSameSeedSamePeople(t *testing.T) {
	a, b := people(7, 300), people(7, 300)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs with one seed differ")
	}
	if c := people(8, 300); reflect.DeepEqual(a, c) {
		t.Error("another seed gives the same people")
	}
}

func TestPeopleAreValidAndSpreadOverThePipeline(t *testing.T) {
	ps := people(1, 3000)
	stages := map[model.Stage]int{}
	withInterview, referred := 0, 0
	for i, p := range ps {
		c := p.Contact
		if msg := c.Validate(); msg != "" {
			t.Fatalf("person %d: %s (%+v)", i, msg, c)
		}
		stages[c.Stage]++
		if len(p.Interviews) > 0 {
			withInterview++
		}
		if p.Referrer >= i {
			t.Fatalf("person %d referred by later person %d", i, p.Referrer)
		}
		if p.Referrer >= 0 {
			referred++
			if ps[p.Referrer].Contact.Stage.Order() < model.Interviewed.Order() {
				t.Errorf("person %d referred by someone never interviewed", i)
			}
		}
		for _, it := range p.Interactions {
			it.ContactID = 1
			if msg := it.Validate(); msg != "" {
				t.Fatalf("person %d: %s", i, msg)
			}
			if it.At.After(now) || it.At.Before(c.Created) {
				t.Errorf("person %d: %s at %v, created %v, now %v", i, it.Kind, it.At, c.Created, now)
			}
		}
		for _, iv := range p.Interviews {
			if len(iv.Questions) < 5 {
				t.Errorf("person %d: %d questions", i, len(iv.Questions))
			}
			if at, held := iv.HeldAt(); held && (at.After(now) || len(iv.Notes) < 2 || iv.WrapUp.Takeaways == "") {
				t.Errorf("person %d: held interview %+v", i, iv)
			}
		}
	}
	for _, s := range model.Stages() {
		if stages[s] < 50 {
			t.Errorf("only %d contacts at %q", stages[s], s)
		}
	}
	if share := float64(withInterview) / float64(len(ps)); share < 0.4 || share > 0.6 {
		t.Errorf("%.0f%% have an interview, want about half", share*100)
	}
	if referred < 100 {
		t.Errorf("only %d referrals", referred)
	}
}

func TestTextIsVaried(t *testing.T) {
	paras := map[string]int{}
	research := map[string]int{}
	total, notes := 0, 0
	for _, p := range people(3, 2000) {
		if p.Contact.Notes != "" {
			research[p.Contact.Notes]++
			notes++
		}
		for _, iv := range p.Interviews {
			for _, n := range iv.Notes {
				paras[n.Text]++
				total++
			}
		}
	}
	if total < 2000 || len(paras) < total*9/10 {
		t.Errorf("%d distinct paragraphs of %d", len(paras), total)
	}
	if len(research) < notes*3/4 {
		t.Errorf("%d distinct research notes of %d", len(research), notes)
	}
}
