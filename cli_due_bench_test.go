package main

import (
	"fmt"
	"testing"
	"time"

	"parley/model"
	"parley/store"
)

// benchNotebook is n contacts, each with a request, and every tenth with an
// interview scheduled within the next month or held in the last one.
func benchNotebook(n int, now time.Time) store.Notebook {
	nb := store.Notebook{}
	for i := 1; i <= n; i++ {
		id := uint64(i)
		nb.Contacts = append(nb.Contacts, model.Contact{ID: id, Name: fmt.Sprintf("Person %d", i), Organisation: "Org", Created: now.AddDate(0, 0, -60)})
		nb.Interactions = append(nb.Interactions, model.Interaction{ID: id, ContactID: id, Kind: model.KindRequest, At: now.AddDate(0, 0, -(i % 30))})
		if i%10 == 0 {
			iv := model.Interview{ID: id, ContactID: id, Scheduled: &model.Schedule{At: now.Add(time.Duration(i%720-360) * time.Hour), Mode: model.ModeVideo}}
			nb.Interviews = append(nb.Interviews, iv)
		}
	}
	return nb
}

func BenchmarkNext(b *testing.B) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	for _, n := range []int{100, 10_000} {
		nb := benchNotebook(n, now)
		b.Run(fmt.Sprintf("%d contacts", n), func(b *testing.B) {
			for b.Loop() {
				r := buildDueReport(now, 7, nb, model.Defaults())
				_ = r.text(textWidth)
			}
		})
	}
}
