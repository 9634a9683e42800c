Grailbird.data.tweets_2018_12 = 
 [ {
  "source" : "\u003Ca href=\"https:\/\/mobile.twitter.com\" rel=\"nofollow\"\u003EWeb\u003C\/a\u003E",
  "entities" : {
    "user_mentions" : [ ],
    "media" : [ ],
    "hashtags" : [ {
      "text" : "a11y",
      "indices" : [ 10, 15 ]
    } ],
    "urls" : [ ]
  },
  "geo" : { },
  "id_str" : "1079963037631737856",
  "text" : "New post: #a11y checklists",
  "id" : 1079963037631737856,
  "created_at" : "2019-01-01 04:50:27 +0000",
  "user" : {
    "name" : "Ada",
    "screen_name" : "ada",
    "protected" : false,
    "id_str" : "30257040",
    "id" : 30257040,
    "verified" : false
  }
}, {
  "source" : "web",
  "entities" : {
    "user_mentions" : [ {
      "name" : "Bo",
      "screen_name" : "bo",
      "indices" : [ 3, 6 ],
      "id_str" : "2",
      "id" : 2
    } ],
    "media" : [ ],
    "hashtags" : [ ],
    "urls" : [ ]
  },
  "geo" : { },
  "id_str" : "1079000000000000000",
  "text" : "RT @bo: Design notes #design",
  "id" : 1079000000000000000,
  "created_at" : "2018-12-29 09:00:00 -0500",
  "retweeted_status" : {
    "source" : "web",
    "entities" : {
      "user_mentions" : [ ],
      "media" : [ ],
      "hashtags" : [ {
        "text" : "design",
        "indices" : [ 13, 20 ]
      } ],
      "urls" : [ ]
    },
    "geo" : { },
    "id_str" : "1078000000000000000",
    "text" : "Design notes #design",
    "id" : 1078000000000000000,
    "created_at" : "2018-12-28 10:00:00 +0000",
    "user" : {
      "name" : "Bo",
      "screen_name" : "bo",
      "id_str" : "2",
      "id" : 2
    }
  },
  "user" : {
    "name" : "Ada",
    "screen_name" : "ada",
    "protected" : false,
    "id_str" : "30257040",
    "id" : 30257040,
    "verified" : false
  }
}, {
  "source" : "web",
  "entities" : {
    "user_mentions" : [ ],
    "media" : [ ],
    "hashtags" : [ ],
    "urls" : [ ]
  },
  "geo" : { },
  "id_str" : "1078500000000000000",
  "text" : "RT @cy old-style manual retweet",
  "id" : 1078500000000000000,
  "created_at" : "2018-12-30 12:00:00 +0000",
  "user" : {
    "name" : "Ada",
    "screen_name" : "ada",
    "id_str" : "30257040",
    "id" : 30257040
  }
} ]
