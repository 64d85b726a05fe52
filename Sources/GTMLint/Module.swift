// GTMLint
