package store

import (
	bolt "go.etcd.io/bbolt"
)

// decodeBucket decodes every record of b, a bucket keyed by NextSequence,
// in key order, into a slice sized once from the sequence (records are
// only ever deleted, so it is at least their number): half the allocation
// of appending record by record. Decoding on two goroutines was tried and
// measured no faster on a busy two-core machine, so it is not done.
func decodeBucket[T any](b *bolt.Bucket) ([]T, error) {
	if b == nil {
		return nil, errMissingBucket
	}
	out := make([]T, 0, min(b.Sequence(), 1<<20))
	opener, err := recordOpener[T](b.Tx())
	if err != nil {
		return nil, err
	}
	err = b.ForEach(func(key, data []byte) error {
		out = append(out, *new(T))
		data, err := opener.open(key, data)
		if err != nil {
			return err
		}
		return decodeRecord(key, data, &out[len(out)-1])
	})
	return out, err
}
