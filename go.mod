module petrel

go 1.26
