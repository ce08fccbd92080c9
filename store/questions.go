package store

import (
	"fmt"

	"parley/questions"
)

// keyBankState holds the user's whole question bank state, saved sets
// included, as one JSON value: it is small (the built-ins are not stored),
// and one value means one write can never leave it half changed.
var keyBankState = []byte("bank")

// QuestionBank returns what the user has done to the question bank: their
// own questions, changes to built-ins, saved sets and the default set. A
// notebook that never touched the bank gives the zero state, which is the
// untouched built-in bank.
func (s *Store) QuestionBank() (questions.UserState, error) {
	var st questions.UserState
	if err := s.getValue(bucketQuestions, keyBankState, &st); err != nil {
		return questions.UserState{}, fmt.Errorf("read the question bank: %w", err)
	}
	return st, nil
}

// PutQuestionBank replaces the user's question bank state in one
// transaction.
func (s *Store) PutQuestionBank(st questions.UserState) error {
	if err := s.putValue(bucketQuestions, keyBankState, st); err != nil {
		s.keepFailed(RescueBank, st, err)
		return fmt.Errorf("save the question bank: %w", err)
	}
	return nil
}
