// replaced as the server library grows
