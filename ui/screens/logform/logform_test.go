package logform

import (
	"parley/ui/uitest"
	"testing"
	"time"

	"parley/model"
)

func TestLogFormMovesTheStage(t *testing.T) {
	cm, st, c := uitest.StoreCommon(t)
	msgs := uitest.Submit(t, NewLogForm(cm, c, model.KindRequest))
	if uitest.StageOf(t, st, c.ID) != model.RequestSent {
		t.Fatalf("after logging a request: %s (%v)", uitest.StageOf(t, st, c.ID), msgs)
	}
	its, _ := st.Interactions(c.ID)
	if len(its) != 1 || !its[0].At.Equal(uitest.TestNow.Truncate(time.Minute)) {
		t.Errorf("timeline = %+v", its)
	}
}
