// The pages' one i18n module: both dictionaries, t(), and applyI18n() for [data-i18n] elements.
// 简体中文 by default; the choice is remembered in localStorage ("gc.lang").

const zh = {
  'app.name': '网格指挥', 'app.tagline': '网格化巡防指挥调度系统',
  'nav.wall': '指挥大屏', 'nav.dispatch': '调度台', 'nav.field': '移动警务终端', 'nav.login': '登录', 'nav.logout': '退出',
  'nav.wall.desc': '大屏态势：网格、力量、警情与指标，实时刷新', 'nav.dispatch.desc': '警情队列、推荐力量、一键派警与单兵名册',
  'nav.field.desc': '保安/巡逻手机端：接警、到达、处置完毕，上报位置',
  'login.title': '登录', 'login.user': '用户名', 'login.password': '密码', 'login.submit': '登录', 'login.failed': '用户名或密码错误',
  'login.demo': '演示账号：commander / dispatcher / station / wall，密码同用户名',
  'conn.live': '实时', 'conn.reconnecting': '重连中…', 'conn.offline': '连接中断',
  'wall.title': '指挥大屏', 'wall.open': '在办警情', 'wall.todayByType': '今日警情分类', 'wall.response': '到场时间（今日）',
  'wall.p50': 'P50', 'wall.p90': 'P90', 'wall.closure': '结案率', 'wall.repeat': '重复报警率', 'wall.diversion': '分流率',
  'wall.units': '在岗力量', 'wall.available': '可用', 'wall.onDuty': '在岗', 'wall.ticker': '最新警情', 'wall.today': '今日总数',
  'wall.legend': '图例', 'wall.stale': '定位过期', 'wall.fixAge': '定位于 {s} 秒前', 'wall.noFix': '无定位', 'wall.none': '暂无',
  'wall.zoomIn': '放大地图查看单兵位置',
  'prio.1': '一级（紧急）', 'prio.2': '二级', 'prio.3': '三级', 'prio.short.1': 'P1', 'prio.short.2': 'P2', 'prio.short.3': 'P3',
  'kind.patrol-car': '车巡', 'kind.patrol-motorbike': '摩托巡', 'kind.patrol-bike': '骑巡', 'kind.foot-patrol': '步巡',
  'kind.guard': '保安', 'kind.volunteer': '志愿者',
  'ustatus.off-duty': '离岗', 'ustatus.available': '可用', 'ustatus.assigned': '已派', 'ustatus.en-route': '在途', 'ustatus.on-scene': '到场',
  'istatus.new': '待派', 'istatus.dispatched': '已派警', 'istatus.on-scene': '已到场', 'istatus.resolved': '已处置',
  'istatus.closed': '已结案', 'istatus.merged': '已合并', 'istatus.diverted': '已分流',
  'tstatus.assigned': '已指派', 'tstatus.accepted': '已接警', 'tstatus.on-scene': '已到场', 'tstatus.done': '已完成',
  'tstatus.declined': '已拒绝', 'tstatus.timed-out': '超时未应答', 'tstatus.cancelled': '已撤回',
  'type.fight': '打架斗殴', 'type.robbery': '抢劫', 'type.theft': '盗窃', 'type.fraud': '诈骗', 'type.traffic-accident': '交通事故',
  'type.fire': '火情', 'type.medical': '急病', 'type.missing-person': '走失', 'type.suspicious-person': '可疑人员',
  'type.dispute': '纠纷', 'type.noise': '噪音', 'type.parking': '违停', 'type.labour-dispute': '劳资纠纷', 'type.other': '其他',
  'tl.opened': '立案', 'tl.diverted': '分流', 'tl.repeat-call': '重复报警', 'tl.diversion-overridden': '取消分流', 'tl.dispatched': '派警',
  'tl.task-accepted': '接警', 'tl.task-declined': '拒绝', 'tl.task-onscene': '到场', 'tl.task-done': '处置完毕',
  'tl.task-timed-out': '应答超时', 'tl.task-cancelled': '撤回任务', 'tl.closed': '结案',
  'd.title': '调度台', 'd.queue': '警情队列', 'd.new': '新建警情', 'd.recs': '推荐力量', 'd.nearest': '派最近力量',
  'd.dispatchThis': '派警', 'd.eta': '预计', 'd.distance': '距离', 'd.fixAge': '定位', 'd.tasks': '任务', 'd.timeline': '时间线',
  'd.backup': '增援', 'd.reassign': '改派', 'd.cancel': '撤回', 'd.close': '结案', 'd.resolution': '处置结果',
  'd.resolutionDefault': '已处置', 'd.roster': '力量名册', 'd.allKinds': '全部类型', 'd.allStatus': '全部状态', 'd.allStations': '全部站点',
  'd.type': '类型', 'd.priority': '级别', 'd.address': '地址', 'd.description': '描述', 'd.lat': '纬度', 'd.lon': '经度',
  'd.pickOnMap': '在地图上点击选择位置', 'd.create': '立案', 'd.merged': '重复报警，已合并到 {id}', 'd.created': '已立案 {id}',
  'd.dispatched': '已派 {unit}', 'd.noRecs': '附近暂无可用力量', 'd.select': '从左侧队列选择警情', 'd.offeredNext': '已转派 {unit}',
  'd.unitTask': '当前任务', 'd.noTask': '无任务', 'd.error': '操作失败', 'd.openOnly': '在办',
  'd.showAll': '今日全部', 'd.age': '{m} 分钟前', 'd.units': '{n} 个单位', 'd.reports': '报警 {n} 次', 'd.divertedTo': '分流至',
  'f.title': '移动终端', 'f.unit': '单位编号', 'f.key': '设备密钥', 'f.signin': '登录', 'f.signout': '退出', 'f.failed': '单位编号或设备密钥错误',
  'f.onDuty': '在岗', 'f.offDuty': '离岗', 'f.noTask': '暂无任务，保持待命', 'f.accept': '接警', 'f.decline': '拒绝', 'f.arrive': '到达现场',
  'f.done': '处置完毕', 'f.reason': '拒绝原因', 'f.reasonDefault': '无法前往', 'f.note': '处置情况', 'f.noteDefault': '已处置完毕',
  'f.queued': '离线，{n} 条应答待发送', 'f.distance': '距离', 'f.eta': '预计到达', 'f.withdrawn': '任务已撤回', 'f.gps': '定位',
  'f.gpsOff': '未定位', 'f.newTask': '新任务！', 'f.finished': '任务已完成', 'f.sound': '开启提示音',
  'unit.s': '秒', 'unit.min': '分', 'unit.m': '米', 'unit.km': '公里',
  // issue 10: the cell view (全息图)
  'cv.station': '所属警务站', 'cv.gridWorker': '网格员', 'cv.today': '今日警情', 'cv.units': '网格内力量（{n}）',
  'cv.open': '在办警情（{n}）', 'cv.recent': '近24小时已办（{n}）', 'cv.none': '无', 'cv.more': '另有 {n} 个',
  'cv.coverage': '1-3-5分钟覆盖', 'cv.fastest': '最快 {eta}（{unit}）', 'cv.within': '{n}分钟内可达', 'cv.uncovered': '5分钟内无可用力量',
  'cv.points': '点位（{n}）', 'cv.rapid': '快速反应点', 'cv.holders': '{n} 个力量驻守',
  // Lockdown (关城门), issue 10 part 2
  'lk.tab': '关城门', 'lk.title': '关城门', 'lk.drill': '演练', 'lk.plans': '预案', 'lk.activate': '为所选警情启动', 'lk.startDrill': '演练启动',
  'lk.running': '进行中', 'lk.none': '暂无启动的预案', 'lk.standDown': '解除', 'lk.since': '已启动', 'lk.sealing': '封控中…', 'lk.sealed': '封控用时',
  'lk.state.unstaffed': '未到位', 'lk.state.en-route': '在途', 'lk.state.staffed': '已到位',
  'lk.kind.checkpoint': '检查站', 'lk.kind.blocking-point': '应急堵控点',
  'lk.ring.city': '环城防控圈', 'lk.ring.urban': '环城区封控圈', 'lk.ring.core': '环核心堵控圈',
  'lk.draw': '绘制预案', 'lk.drawStart': '开始在地图上点选', 'lk.drawStop': '停止点选', 'lk.planName': '预案名称', 'lk.save': '保存预案', 'lk.clear': '清空',
  'lk.pointsCount': '{n} 个点位', 'lk.noPlan': '请先选择预案', 'lk.selectIncident': '请先在队列中选择警情，或启动演练',
  'lk.activated': '已启动：{plan}', 'lk.saved': '预案已保存：{plan}',
  'type.lockdown-checkpoint': '关城门·检查站', 'type.lockdown-blocking-point': '关城门·应急堵控点',
  'f.lockdownGo.checkpoint': '前往检查站“{point}”设卡查控', 'f.lockdownGo.blocking-point': '前往应急堵控点“{point}”设卡堵控',
  'f.lockdownHold': '已到位“{point}”：坚守岗位，直至预案解除',
  // issue 10: 1-3-5 minute coverage and rapid-response points
  'cov.title': '1-3-5分钟快速反应覆盖', 'cov.within1': '1分钟内', 'cov.within3': '3分钟内', 'cov.within5': '5分钟内',
  'cov.uncovered': '未覆盖网格', 'cov.show': '显示覆盖', 'cov.hide': '隐藏覆盖', 'cov.band1': '≤1分钟', 'cov.band3': '≤3分钟',
  'cov.band5': '≤5分钟', 'cov.uncoveredBand': '5分钟未覆盖',
  'rrp.title': '快速反应点', 'rrp.holders': '驻守力量 {n} 个', 'rrp.unknown': '未登记',
  // issue 10 part 4: incident and area replay
  'rp.title': '回放', 'rp.incident': '警情回放', 'rp.area': '区域回放', 'rp.play': '播放', 'rp.pause': '暂停', 'rp.slider': '拖动选择时间',
  'rp.events': '事件', 'rp.units': '力量', 'rp.loading': '加载中…', 'rp.failed': '无法加载回放', 'rp.noTracks': '时段内没有轨迹',
  'rp.noEvents': '时段内没有事件', 'rp.open': '回放', 'rp.areaHere': '回放本区域（近15分钟）',
  'rp.ev.incident.opened': '立案', 'rp.ev.incident.repeat-call': '重复报警', 'rp.ev.incident.dispatched': '派警', 'rp.ev.incident.re-offered': '改派下一单位',
  'rp.ev.task.accept': '接警', 'rp.ev.task.decline': '拒绝', 'rp.ev.task.arrive': '到达现场', 'rp.ev.task.complete': '处置完毕',
  'rp.ev.task.timed-out': '超时未接', 'rp.ev.task.cancelled': '任务取消', 'rp.ev.task.reassigned': '改派', 'rp.ev.incident.closed': '结案',
  // issue 11 part 1: chat-group intake (微信群 抓取和预判)
  'chat.tab': '群情', 'chat.none': '暂无群消息线索', 'chat.createIncident': '立案', 'chat.dismiss': '忽略', 'chat.dismissed': '已忽略',
  'chat.escalatedTo': '已立案', 'chat.escalated': '已立案 {id}', 'chat.dismissedToast': '已忽略', 'chat.reports': '{n} 条消息',
  'chat.groups': '来自 {n} 个群', 'chat.matched': '命中词', 'chat.class.urgent': '紧急', 'chat.class.service': '求助', 'chat.class.noise': '无关',
  'chat.wallIn': '今日群消息', 'chat.wallEscalated': '群情立案',
  // issue 11 part 3: field check-ins (微警通打卡)
  'ci.open': '打卡', 'ci.title': '打卡', 'ci.category': '类别', 'ci.cat.patrol-stop': '巡逻打卡', 'ci.cat.visit': '走访', 'ci.cat.inspection': '检查',
  'ci.note': '备注', 'ci.photo': '照片（可选）', 'ci.send': '提交打卡', 'ci.cancel': '取消', 'ci.noFix': '尚未定位，无法打卡',
  'ci.done': '打卡成功', 'ci.queued': '网络中断：打卡已保存，恢复后自动上传', 'ci.queuedNoPhoto': '网络中断：打卡已保存（照片未保存），恢复后自动上传',
  'ci.list': '打卡记录（{n}）', 'ci.viewPhoto': '查看照片', 'ci.photoFailed': '照片无法加载',
  'ci.layerShow': '显示打卡', 'ci.layerHide': '隐藏打卡',
  // issue 11 part 2: volunteer orders (龙城众队 接单+派单)
  'vo.title': '众队订单', 'vo.none': '附近暂无订单', 'vo.points': '积分 {points} · {team}', 'vo.claim': '接单', 'vo.taken': '已被接单',
  'vo.cancelled': '订单已撤销', 'vo.mine': '我的订单', 'vo.complete': '完成', 'vo.done': '已完成 +{points} 积分', 'vo.new': '附近有新的众队订单',
  'vo.takenNotice': '订单已被其他志愿者接走', 'vo.cancelledNotice': '订单已撤销', 'vo.claimed': '接单成功，请前往现场', 'vo.completed': '订单已完成，积分已记入',
  'vo.tooLate': '未能接单：已被他人接走或不在范围内',
  'dv.tab': '众队', 'dv.title': '发布众队订单', 'dv.radius': '范围', 'dv.note': '说明', 'dv.notePlaceholder': '如：寻找走失儿童，红色外套',
  'dv.publish': '发布众队订单', 'dv.publishedToast': '已发布给范围内 {n} 名志愿者', 'dv.noOrders': '尚未发布众队订单', 'dv.published': '发布时间',
  'dv.state': '状态', 'dv.notified': '通知 {n} 人', 'dv.claimedBy': '已被 {unit} 接单', 'dv.completedBy': '{unit} 已完成 +{points}',
  'dv.status.open': '待接单', 'dv.status.claimed': '已接单', 'dv.status.completed': '已完成', 'dv.status.cancelled': '已撤销',
  'dv.withdraw': '撤销', 'dv.withdrawnToast': '众队订单已撤销', 'dv.board': '众队积分榜', 'dv.rank': '名次', 'dv.team': '队伍',
  'dv.points': '积分', 'dv.orders': '完成订单', 'dv.noTeams': '暂无积分',
  // issue 11 part 5: station performance (考评)
  'perf.page': '警务站', 'perf.title': '考评', 'perf.from': '从', 'perf.to': '至', 'perf.show': '查询', 'perf.csv': '导出CSV', 'perf.xlsx': '导出Excel',
  'perf.units': '本站力量', 'perf.queue': '群情线索', 'perf.noUnits': '本站暂无力量', 'perf.stale': '定位过期', 'perf.otherStation': '切换警务站',
  'perf.weeks': '按周', 'perf.days': '按日', 'perf.week': '周', 'perf.day': '日期', 'perf.failed': '无法加载考评', 'perf.noStation': '没有这个警务站',
  'perf.received': '受理警情', 'perf.handled': '已处置', 'perf.closureRate': '办结率', 'perf.p50': '响应P50', 'perf.p90': '响应P90',
  'perf.repeatCallRate': '重复报警率', 'perf.diversionRate': '非警务分流率', 'perf.neighboursFirst': '半分钟助警圈先到', 'perf.checkins': '打卡次数',
  'perf.note': '按警情报警当日（城市时间）统计；已处置＝已处置完毕、结案或分流；响应＝首次派警至首个力量到场；“半分钟助警圈先到”＝保安员或志愿者最先到场的占比。',
  'perf.wallTitle': '警务站考评排名', 'perf.station': '警务站', 'perf.nothing': '暂无数据', 'perf.link': '考评',
  'perf.wallP50': 'P50', 'perf.wallReceived': '警情',
  // issue 11 part 4: the camera layer (雪亮)
  'cam.nearby': '附近摄像头', 'cam.noneNear': '1公里内没有摄像头', 'cam.stream': '视频', 'cam.snapshot': '快照', 'cam.noLinks': '无视频链接',
  'cam.manage': '摄像头', 'cam.add': '添加摄像头', 'cam.name': '名称', 'cam.id': '编号', 'cam.idHint': '留空自动生成',
  'cam.streamUrl': '视频地址', 'cam.snapshotUrl': '快照地址', 'cam.save': '保存', 'cam.close': '关闭', 'cam.added': '已添加摄像头 {id}',
  'cam.import': '导入摄像头', 'cam.importHint': 'CSV（表头 id,name,lat,lon,streamUrl,snapshotUrl）或 GeoJSON，UTF-8', 'cam.importGo': '导入',
  'cam.imported': '新增 {added}，更新 {updated}，拒绝 {rejected}', 'cam.line': '第 {n} 行', 'cam.fromCamera': '摄像头 {id}',
  'cam.kind.intrusion': '区域入侵', 'cam.kind.crowd': '人员聚集', 'cam.kind.fight': '打架斗殴', 'cam.kind.fire': '烟火', 'cam.kind.loitering': '徘徊',
  'cam.kind.vehicle': '可疑车辆', 'cam.inCell': '本网格 {n} 个摄像头',
};

const en = {
  'app.name': 'GridCommand', 'app.tagline': 'Grid policing command and dispatch',
  'nav.wall': 'Command wall', 'nav.dispatch': 'Dispatcher console', 'nav.field': 'Field device', 'nav.login': 'Sign in', 'nav.logout': 'Sign out',
  'nav.wall.desc': 'The big screen: cells, units, incidents and KPIs, live', 'nav.dispatch.desc': 'Incident queue, recommendations, one-click dispatch, unit roster',
  'nav.field.desc': "A guard's or patrol's phone: accept, arrive, done; shares position",
  'login.title': 'Sign in', 'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in', 'login.failed': 'Wrong user name or password',
  'login.demo': 'Demo users: commander / dispatcher / station / wall, password = user name',
  'conn.live': 'Live', 'conn.reconnecting': 'Reconnecting…', 'conn.offline': 'Connection lost',
  'wall.title': 'Command wall', 'wall.open': 'Open incidents', 'wall.todayByType': "Today's incidents by type", 'wall.response': 'Response time (today)',
  'wall.p50': 'P50', 'wall.p90': 'P90', 'wall.closure': 'Closure rate', 'wall.repeat': 'Repeat-call rate', 'wall.diversion': 'Diversion rate',
  'wall.units': 'Units on duty', 'wall.available': 'available', 'wall.onDuty': 'on duty', 'wall.ticker': 'Latest incidents', 'wall.today': 'Today total',
  'wall.legend': 'Legend', 'wall.stale': 'Stale fix', 'wall.fixAge': 'fix {s} s ago', 'wall.noFix': 'no fix', 'wall.none': 'none',
  'wall.zoomIn': 'Zoom in to see the units',
  'prio.1': 'P1 (emergency)', 'prio.2': 'P2', 'prio.3': 'P3', 'prio.short.1': 'P1', 'prio.short.2': 'P2', 'prio.short.3': 'P3',
  'kind.patrol-car': 'Patrol car', 'kind.patrol-motorbike': 'Motorbike', 'kind.patrol-bike': 'Bicycle', 'kind.foot-patrol': 'Foot patrol',
  'kind.guard': 'Guard', 'kind.volunteer': 'Volunteer',
  'ustatus.off-duty': 'Off duty', 'ustatus.available': 'Available', 'ustatus.assigned': 'Assigned', 'ustatus.en-route': 'En route', 'ustatus.on-scene': 'On scene',
  'istatus.new': 'New', 'istatus.dispatched': 'Dispatched', 'istatus.on-scene': 'On scene', 'istatus.resolved': 'Resolved',
  'istatus.closed': 'Closed', 'istatus.merged': 'Merged', 'istatus.diverted': 'Diverted',
  'tstatus.assigned': 'Assigned', 'tstatus.accepted': 'Accepted', 'tstatus.on-scene': 'On scene', 'tstatus.done': 'Done',
  'tstatus.declined': 'Declined', 'tstatus.timed-out': 'Timed out', 'tstatus.cancelled': 'Cancelled',
  'type.fight': 'Fight', 'type.robbery': 'Robbery', 'type.theft': 'Theft', 'type.fraud': 'Fraud', 'type.traffic-accident': 'Traffic accident',
  'type.fire': 'Fire', 'type.medical': 'Medical emergency', 'type.missing-person': 'Missing person', 'type.suspicious-person': 'Suspicious person',
  'type.dispute': 'Dispute', 'type.noise': 'Noise', 'type.parking': 'Illegal parking', 'type.labour-dispute': 'Labour dispute', 'type.other': 'Other',
  'tl.opened': 'Opened', 'tl.diverted': 'Diverted', 'tl.repeat-call': 'Repeat call', 'tl.diversion-overridden': 'Diversion overridden', 'tl.dispatched': 'Dispatched',
  'tl.task-accepted': 'Accepted', 'tl.task-declined': 'Declined', 'tl.task-onscene': 'Arrived', 'tl.task-done': 'Done',
  'tl.task-timed-out': 'Timed out', 'tl.task-cancelled': 'Task cancelled', 'tl.closed': 'Closed',
  'd.title': 'Dispatcher console', 'd.queue': 'Incident queue', 'd.new': 'New incident', 'd.recs': 'Recommended units', 'd.nearest': 'Dispatch nearest',
  'd.dispatchThis': 'Dispatch', 'd.eta': 'ETA', 'd.distance': 'Distance', 'd.fixAge': 'Fix', 'd.tasks': 'Tasks', 'd.timeline': 'Timeline',
  'd.backup': 'Backup', 'd.reassign': 'Reassign', 'd.cancel': 'Cancel', 'd.close': 'Close', 'd.resolution': 'Resolution',
  'd.resolutionDefault': 'Resolved', 'd.roster': 'Unit roster', 'd.allKinds': 'All kinds', 'd.allStatus': 'All statuses', 'd.allStations': 'All stations',
  'd.type': 'Type', 'd.priority': 'Priority', 'd.address': 'Address', 'd.description': 'Description', 'd.lat': 'Lat', 'd.lon': 'Lon',
  'd.pickOnMap': 'Click the map to pick the place', 'd.create': 'Create', 'd.merged': 'Repeat call, merged into {id}', 'd.created': 'Created {id}',
  'd.dispatched': 'Dispatched {unit}', 'd.noRecs': 'No available unit nearby', 'd.select': 'Select an incident from the queue', 'd.offeredNext': 'Offered to {unit}',
  'd.unitTask': 'Current task', 'd.noTask': 'No task', 'd.error': 'Failed', 'd.openOnly': 'Open',
  'd.showAll': 'All today', 'd.age': '{m} min ago', 'd.units': '{n} units', 'd.reports': '{n} reports', 'd.divertedTo': 'Diverted to',
  'f.title': 'Field device', 'f.unit': 'Unit ID', 'f.key': 'Device key', 'f.signin': 'Sign in', 'f.signout': 'Sign out', 'f.failed': 'Unknown unit or wrong device key',
  'f.onDuty': 'On duty', 'f.offDuty': 'Off duty', 'f.noTask': 'No task, standing by', 'f.accept': 'Accept', 'f.decline': 'Decline', 'f.arrive': 'Arrived',
  'f.done': 'Done', 'f.reason': 'Reason', 'f.reasonDefault': 'Cannot go', 'f.note': 'Note', 'f.noteDefault': 'Dealt with',
  'f.queued': 'Offline: {n} answers waiting', 'f.distance': 'Distance', 'f.eta': 'ETA', 'f.withdrawn': 'Task withdrawn', 'f.gps': 'GPS',
  'f.gpsOff': 'No fix', 'f.newTask': 'New task!', 'f.finished': 'Task done', 'f.sound': 'Enable sound',
  'unit.s': 's', 'unit.min': 'min', 'unit.m': 'm', 'unit.km': 'km',
  // issue 10: the cell view (全息图)
  'cv.station': 'Station', 'cv.gridWorker': 'Grid worker', 'cv.today': 'Incidents today', 'cv.units': 'Units in the cell ({n})',
  'cv.open': 'Open incidents ({n})', 'cv.recent': 'Closed in the last 24 h ({n})', 'cv.none': 'None', 'cv.more': '{n} more',
  'cv.coverage': '1-3-5 min coverage', 'cv.fastest': 'fastest {eta} ({unit})', 'cv.within': 'within {n} min', 'cv.uncovered': 'no available unit within 5 min',
  'cv.points': 'Points ({n})', 'cv.rapid': 'Rapid-response point', 'cv.holders': 'held by {n}',
  // Lockdown (关城门), issue 10 part 2
  'lk.tab': 'Lockdown', 'lk.title': 'Close the city gates', 'lk.drill': 'drill', 'lk.plans': 'Plans', 'lk.activate': 'Activate for the selected incident', 'lk.startDrill': 'Start a drill',
  'lk.running': 'Active', 'lk.none': 'No plan active', 'lk.standDown': 'Stand down', 'lk.since': 'Since activation', 'lk.sealing': 'Sealing…', 'lk.sealed': 'Sealed in',
  'lk.state.unstaffed': 'Unstaffed', 'lk.state.en-route': 'En route', 'lk.state.staffed': 'Staffed',
  'lk.kind.checkpoint': 'Checkpoint', 'lk.kind.blocking-point': 'Blocking point',
  'lk.ring.city': 'City ring', 'lk.ring.urban': 'Urban ring', 'lk.ring.core': 'Core ring',
  'lk.draw': 'Draw a plan', 'lk.drawStart': 'Click points on the map', 'lk.drawStop': 'Stop adding points', 'lk.planName': 'Plan name', 'lk.save': 'Save plan', 'lk.clear': 'Clear',
  'lk.pointsCount': '{n} points', 'lk.noPlan': 'Choose a plan first', 'lk.selectIncident': 'Select an incident in the queue first, or start a drill',
  'lk.activated': 'Activated: {plan}', 'lk.saved': 'Plan saved: {plan}',
  'type.lockdown-checkpoint': 'Lockdown: checkpoint', 'type.lockdown-blocking-point': 'Lockdown: blocking point',
  'f.lockdownGo.checkpoint': 'Go to checkpoint "{point}" and set up the check', 'f.lockdownGo.blocking-point': 'Go to blocking point "{point}" and block it',
  'f.lockdownHold': 'In place at "{point}": hold it until the plan stands down',
  // issue 10: 1-3-5 minute coverage and rapid-response points
  'cov.title': '1-3-5 minute coverage', 'cov.within1': 'within 1 min', 'cov.within3': 'within 3 min', 'cov.within5': 'within 5 min',
  'cov.uncovered': 'cells uncovered', 'cov.show': 'Show coverage', 'cov.hide': 'Hide coverage', 'cov.band1': '≤ 1 min', 'cov.band3': '≤ 3 min',
  'cov.band5': '≤ 5 min', 'cov.uncoveredBand': 'not within 5 min',
  'rrp.title': 'Rapid-response point', 'rrp.holders': '{n} units hold it', 'rrp.unknown': 'not enrolled',
  // issue 10 part 4: incident and area replay
  'rp.title': 'Replay', 'rp.incident': 'Incident replay', 'rp.area': 'Area replay', 'rp.play': 'Play', 'rp.pause': 'Pause', 'rp.slider': 'Drag to pick a time',
  'rp.events': 'Events', 'rp.units': 'Units', 'rp.loading': 'Loading…', 'rp.failed': 'Could not load the replay', 'rp.noTracks': 'No tracks in this window',
  'rp.noEvents': 'No events in this window', 'rp.open': 'Replay', 'rp.areaHere': 'Replay this area (last 15 min)',
  'rp.ev.incident.opened': 'Opened', 'rp.ev.incident.repeat-call': 'Repeat call', 'rp.ev.incident.dispatched': 'Dispatched', 'rp.ev.incident.re-offered': 'Offered to the next unit',
  'rp.ev.task.accept': 'Accepted', 'rp.ev.task.decline': 'Declined', 'rp.ev.task.arrive': 'Arrived', 'rp.ev.task.complete': 'Done',
  'rp.ev.task.timed-out': 'Timed out', 'rp.ev.task.cancelled': 'Task cancelled', 'rp.ev.task.reassigned': 'Reassigned', 'rp.ev.incident.closed': 'Closed',
  // issue 11 part 1: chat-group intake (微信群 抓取和预判)
  'chat.tab': 'Chat intake', 'chat.none': 'No chat-group leads', 'chat.createIncident': 'Create incident', 'chat.dismiss': 'Dismiss', 'chat.dismissed': 'Dismissed',
  'chat.escalatedTo': 'Incident', 'chat.escalated': 'Incident {id} created', 'chat.dismissedToast': 'Dismissed', 'chat.reports': '{n} messages',
  'chat.groups': 'from {n} groups', 'chat.matched': 'Matched', 'chat.class.urgent': 'Urgent', 'chat.class.service': 'Service request', 'chat.class.noise': 'Noise',
  'chat.wallIn': 'Chat messages today', 'chat.wallEscalated': 'Chat incidents today',
  // issue 11 part 3: field check-ins (微警通打卡)
  'ci.open': 'Check in', 'ci.title': 'Check in', 'ci.category': 'Category', 'ci.cat.patrol-stop': 'Patrol stop', 'ci.cat.visit': 'Visit', 'ci.cat.inspection': 'Inspection',
  'ci.note': 'Note', 'ci.photo': 'Photo (optional)', 'ci.send': 'Send check-in', 'ci.cancel': 'Cancel', 'ci.noFix': 'No position yet: cannot check in',
  'ci.done': 'Checked in', 'ci.queued': 'Offline: check-in saved, sent when back online', 'ci.queuedNoPhoto': 'Offline: check-in saved (without its photo), sent when back online',
  'ci.list': 'Check-ins ({n})', 'ci.viewPhoto': 'View photo', 'ci.photoFailed': 'Photo could not be loaded',
  'ci.layerShow': 'Show check-ins', 'ci.layerHide': 'Hide check-ins',
  // issue 11 part 2: volunteer orders (龙城众队 接单+派单)
  'vo.title': 'Volunteer orders', 'vo.none': 'No orders nearby', 'vo.points': '{points} points · {team}', 'vo.claim': 'Claim', 'vo.taken': 'Taken',
  'vo.cancelled': 'Order cancelled', 'vo.mine': 'Your order', 'vo.complete': 'Complete', 'vo.done': 'Completed +{points} points', 'vo.new': 'New volunteer order nearby',
  'vo.takenNotice': 'Another volunteer took the order', 'vo.cancelledNotice': 'Order cancelled', 'vo.claimed': 'Claimed: please go to the scene', 'vo.completed': 'Order completed, points credited',
  'vo.tooLate': 'Could not claim: taken by someone else or out of range',
  'dv.tab': 'Volunteers', 'dv.title': 'Publish to volunteers', 'dv.radius': 'Radius', 'dv.note': 'Note', 'dv.notePlaceholder': 'e.g. look for a missing child in a red coat',
  'dv.publish': 'Publish to volunteers', 'dv.publishedToast': 'Published to {n} volunteers in range', 'dv.noOrders': 'No volunteer orders yet', 'dv.published': 'Published',
  'dv.state': 'State', 'dv.notified': '{n} told', 'dv.claimedBy': 'Taken by {unit}', 'dv.completedBy': '{unit} completed +{points}',
  'dv.status.open': 'Open', 'dv.status.claimed': 'Taken', 'dv.status.completed': 'Completed', 'dv.status.cancelled': 'Cancelled',
  'dv.withdraw': 'Withdraw', 'dv.withdrawnToast': 'Volunteer order withdrawn', 'dv.board': 'Volunteer team leaderboard', 'dv.rank': 'Rank', 'dv.team': 'Team',
  'dv.points': 'Points', 'dv.orders': 'Orders completed', 'dv.noTeams': 'No points yet',
  // issue 11 part 5: station performance (考评)
  'perf.page': 'Station', 'perf.title': 'Performance', 'perf.from': 'From', 'perf.to': 'to', 'perf.show': 'Show', 'perf.csv': 'Export CSV', 'perf.xlsx': 'Export Excel',
  'perf.units': 'Units', 'perf.queue': 'Chat-group leads', 'perf.noUnits': 'No units at this station', 'perf.stale': 'stale fix', 'perf.otherStation': 'Another station',
  'perf.weeks': 'By week', 'perf.days': 'By day', 'perf.week': 'Week', 'perf.day': 'Day', 'perf.failed': 'Could not load the performance', 'perf.noStation': 'No such station',
  'perf.received': 'Received', 'perf.handled': 'Handled', 'perf.closureRate': 'Closure rate', 'perf.p50': 'Response P50', 'perf.p90': 'Response P90',
  'perf.repeatCallRate': 'Repeat calls', 'perf.diversionRate': 'Diverted', 'perf.neighboursFirst': 'Guards/volunteers first', 'perf.checkins': 'Check-ins',
  'perf.note': 'Counted on the city day each incident was reported; handled = resolved, closed or diverted; response = first dispatch to first unit on scene; guards/volunteers first = the share a guard or volunteer reached first (the half-minute circle).',
  'perf.wallTitle': 'Station ranking', 'perf.station': 'Station', 'perf.nothing': 'No figures yet', 'perf.link': 'Performance',
  'perf.wallP50': 'P50', 'perf.wallReceived': 'Incidents',
  // issue 11 part 4: the camera layer (雪亮)
  'cam.nearby': 'Nearby cameras', 'cam.noneNear': 'No camera within 1 km', 'cam.stream': 'Stream', 'cam.snapshot': 'Snapshot', 'cam.noLinks': 'No video link',
  'cam.manage': 'Cameras', 'cam.add': 'Add camera', 'cam.name': 'Name', 'cam.id': 'Id', 'cam.idHint': 'Made up when left empty',
  'cam.streamUrl': 'Stream URL', 'cam.snapshotUrl': 'Snapshot URL', 'cam.save': 'Save', 'cam.close': 'Close', 'cam.added': 'Camera {id} added',
  'cam.import': 'Import cameras', 'cam.importHint': 'CSV (header id,name,lat,lon,streamUrl,snapshotUrl) or GeoJSON, UTF-8', 'cam.importGo': 'Import',
  'cam.imported': '{added} added, {updated} updated, {rejected} rejected', 'cam.line': 'Line {n}', 'cam.fromCamera': 'Camera {id}',
  'cam.kind.intrusion': 'Intrusion', 'cam.kind.crowd': 'Crowd', 'cam.kind.fight': 'Fight', 'cam.kind.fire': 'Smoke or fire', 'cam.kind.loitering': 'Loitering',
  'cam.kind.vehicle': 'Suspicious vehicle', 'cam.inCell': '{n} cameras in this cell',
};

export const dictionaries = { zh, en };
const listeners = [];
export let lang = localStorage.getItem('gc.lang') === 'en' ? 'en' : 'zh';

/** The label for key in the current language, with {name} placeholders filled; the key itself if unknown. */
export function t(key, vars) {
  let s = dictionaries[lang][key] ?? dictionaries.zh[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, v);
  return s;
}

/** An HTML span for a label that follows the language switch. */
export function tl(key, vars) {
  const v = vars ? ` data-i18n-vars='${escapeHtml(JSON.stringify(vars))}'` : '';
  return `<span data-i18n="${key}"${v}>${escapeHtml(t(key, vars))}</span>`;
}

export function applyI18n(root = document) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined;
    el.textContent = t(el.dataset.i18n, vars);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  if (document.body?.dataset.titleKey) document.title = `${t(document.body.dataset.titleKey)} · ${t('app.name')}`;
}

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'zh';
  localStorage.setItem('gc.lang', lang);
  applyI18n();
  for (const fn of listeners) fn(lang);
}

export function onLang(fn) { listeners.push(fn); }

/** Wires a button (id "lang-switch") that flips between 中文 and English. */
export function langSwitch() {
  const button = document.getElementById('lang-switch');
  if (!button) return;
  const label = () => { button.textContent = lang === 'zh' ? 'EN' : '中'; button.title = lang === 'zh' ? 'English' : '简体中文'; };
  label();
  button.addEventListener('click', () => { setLang(lang === 'zh' ? 'en' : 'zh'); label(); });
}

export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
