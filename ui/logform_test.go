package ui

import (
	"testing"
	"time"

	"parley/model"
)

func TestLogFormMovesTheStage(t *testing.T) {
	cm, st, c := storeCommon(t)
	msgs := submit(t, newLogForm(cm, c, model.KindRequest))
	if stageOf(t, st, c.ID) != model.RequestSent {
		t.Fatalf("after logging a request: %s (%v)", stageOf(t, st, c.ID), msgs)
	}
	its, _ := st.Interactions(c.ID)
	if len(its) != 1 || !its[0].At.Equal(testNow.Truncate(time.Minute)) {
		t.Errorf("timeline = %+v", its)
	}
}
