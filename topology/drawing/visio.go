package drawing

import "errors"

func readVisio(data []byte) ([]*page, error) { return nil, errors.New("TODO") }
