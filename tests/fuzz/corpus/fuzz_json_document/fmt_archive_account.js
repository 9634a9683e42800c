window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "someone@example.org",
      "createdVia" : "web",
      "username" : "jdsmith",
      "accountId" : "14159265",
      "createdAt" : "2007-05-07T17:50:04.000Z",
      "accountDisplayName" : "J. D. Smith"
    }
  }
]
